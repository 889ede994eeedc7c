from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.crud import team as team_crud
from app.models.hero import Hero
from app.models.team import TeamCreate


def test_create_and_read_team(client: TestClient) -> None:
    response = client.post("/teams/", json={"name": "Preventers", "headquarters": "Sharp Tower"})
    assert response.status_code == 201
    team = response.json()
    assert team["name"] == "Preventers"

    response = client.get(f"/teams/{team['id']}")
    assert response.status_code == 200
    assert response.json() == team
    assert client.get("/teams/999").json() == {"detail": "Team not found"}


def test_team_name_is_unique(client: TestClient, session: Session) -> None:
    team_crud.create_team(session, TeamCreate(name="Z-Force", headquarters="Bar"))
    response = client.post("/teams/", json={"name": "Z-Force", "headquarters": "Elsewhere"})
    assert response.status_code == 409
    assert team_crud.count_teams(session) == 1
    assert client.get("/teams/count").json() == {"count": 1}


def test_list_and_update_teams(client: TestClient, make_team) -> None:
    first = make_team(name="Preventers")
    make_team(name="Z-Force")

    names = [team["name"] for team in client.get("/teams/").json()]
    assert names == ["Preventers", "Z-Force"]

    response = client.patch(f"/teams/{first['id']}", json={"headquarters": "Sharp Tower"})
    assert response.status_code == 200
    assert response.json() == {**first, "headquarters": "Sharp Tower"}
    assert client.patch(f"/teams/{first['id']}", json={"name": "Z-Force"}).status_code == 409


def test_team_heroes_are_ordered_by_name(client: TestClient, make_team, make_hero) -> None:
    team = make_team()
    for name in ("Rusty-Man", "Deadpond", "Spider-Boy"):
        make_hero(name=name, team_id=team["id"])
    make_hero(name="Captain North")  # no team

    response = client.get(f"/teams/{team['id']}/heroes")
    assert response.status_code == 200
    assert [hero["name"] for hero in response.json()] == ["Deadpond", "Rusty-Man", "Spider-Boy"]


def test_delete_team_keeps_its_heroes(
    client: TestClient, session: Session, make_team, make_hero
) -> None:
    team = make_team()
    hero = make_hero(team_id=team["id"])

    response = client.delete(f"/teams/{team['id']}")
    assert response.json() == {"ok": True}
    assert client.get(f"/teams/{team['id']}").status_code == 404

    remaining = session.exec(select(Hero)).all()
    assert [h.id for h in remaining] == [hero["id"]]
    assert client.get(f"/heroes/{hero['id']}").json()["team"] is None
