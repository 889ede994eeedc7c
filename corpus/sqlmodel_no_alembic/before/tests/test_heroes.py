from fastapi.testclient import TestClient
from sqlmodel import Session

from app.crud.hero import get_hero_by_name
from app.models.hero import Hero


def test_create_hero(client: TestClient, session: Session) -> None:
    response = client.post(
        "/heroes/", json={"name": "Deadpond", "secret_name": "Dive Wilson", "age": 30}
    )
    assert response.status_code == 201
    data = response.json()
    assert data["name"] == "Deadpond"
    assert data["secret_name"] == "Dive Wilson"
    assert data["age"] == 30
    assert data["team_id"] is None
    assert isinstance(data["id"], int)

    hero = get_hero_by_name(session, "Deadpond")
    assert hero is not None and hero.id == data["id"]


def test_create_hero_incomplete_or_invalid(client: TestClient) -> None:
    # secret_name is required
    assert client.post("/heroes/", json={"name": "Deadpond"}).status_code == 422
    response = client.post("/heroes/", json={"name": "Deadpond", "secret_name": {"x": 1}})
    assert response.status_code == 422
    response = client.post("/heroes/", json={"name": "Old", "secret_name": "x", "age": -1})
    assert response.status_code == 422


def test_hero_name_is_unique(client: TestClient, make_hero) -> None:
    make_hero(name="Rusty-Man")
    response = client.post("/heroes/", json={"name": "Rusty-Man", "secret_name": "Tommy Sharp"})
    assert response.status_code == 409
    assert response.json() == {"detail": "A hero with this name already exists"}


def test_read_heroes_with_pagination_and_filters(client: TestClient, make_hero, make_team) -> None:
    team = make_team(name="Preventers")
    make_hero(name="Deadpond", age=48, team_id=team["id"])
    make_hero(name="Spider-Boy", age=16)
    make_hero(name="Rusty-Man", age=48, team_id=team["id"])

    response = client.get("/heroes/")
    assert response.status_code == 200
    assert [hero["name"] for hero in response.json()] == ["Deadpond", "Spider-Boy", "Rusty-Man"]

    page = client.get("/heroes/", params={"offset": 1, "limit": 1}).json()
    assert [hero["name"] for hero in page] == ["Spider-Boy"]

    members = client.get("/heroes/", params={"team_id": team["id"]}).json()
    assert {hero["name"] for hero in members} == {"Deadpond", "Rusty-Man"}

    adults = client.get("/heroes/", params={"min_age": 18}).json()
    assert len(adults) == 2

    assert client.get("/heroes/", params={"limit": 101}).status_code == 422


def test_read_hero_includes_team(client: TestClient, make_hero, make_team) -> None:
    team = make_team(name="Z-Force", headquarters="Sister Margaret's Bar")
    hero = make_hero(name="Deadpond", team_id=team["id"])
    loner = make_hero(name="Spider-Boy")

    data = client.get(f"/heroes/{hero['id']}").json()
    assert data["team"] == {
        "id": team["id"],
        "name": "Z-Force",
        "headquarters": "Sister Margaret's Bar",
    }
    assert client.get(f"/heroes/{loner['id']}").json()["team"] is None


def test_read_missing_hero(client: TestClient) -> None:
    response = client.get("/heroes/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Hero not found"}
    assert client.get("/heroes/0").status_code == 422


def test_update_hero(client: TestClient, make_hero, make_team) -> None:
    hero = make_hero(name="Deadpond", age=30)
    team = make_team()

    response = client.patch(f"/heroes/{hero['id']}", json={"age": 31, "team_id": team["id"]})
    assert response.status_code == 200
    data = response.json()
    # Fields that were not sent are left alone.
    assert data["name"] == "Deadpond"
    assert data["age"] == 31
    assert data["team_id"] == team["id"]

    # Explicit null removes the hero from the team.
    response = client.patch(f"/heroes/{hero['id']}", json={"team_id": None})
    assert response.json()["team_id"] is None


def test_update_hero_rejects_unknown_team_and_taken_name(client: TestClient, make_hero) -> None:
    hero = make_hero(name="Deadpond")
    make_hero(name="Rusty-Man")

    response = client.patch(f"/heroes/{hero['id']}", json={"team_id": 404})
    assert response.status_code == 422
    assert response.json()["detail"] == "Team 404 does not exist"
    assert client.patch(f"/heroes/{hero['id']}", json={"name": "Rusty-Man"}).status_code == 409


def test_delete_hero(client: TestClient, session: Session, make_hero) -> None:
    hero = make_hero()
    response = client.delete(f"/heroes/{hero['id']}")
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert session.get(Hero, hero["id"]) is None
    assert client.delete(f"/heroes/{hero['id']}").status_code == 404
