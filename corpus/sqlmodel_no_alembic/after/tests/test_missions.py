from fastapi.testclient import TestClient
from sqlmodel import Session, select

from src.heroes.models import HeroMissionLink
from src.missions.models import MissionStatus


def test_create_and_list_missions(client: TestClient, make_mission) -> None:
    response = client.post(
        "/missions/", json={"code": "OP-042", "title": "Rescue the cat", "difficulty": 2}
    )
    assert response.status_code == 201
    mission = response.json()
    assert mission["status"] == "planned"
    assert mission["description"] is None

    make_mission(status="active")
    assert len(client.get("/missions/").json()) == 2
    active = client.get("/missions/", params={"status": MissionStatus.active.value}).json()
    assert [m["code"] for m in active] == ["OP-001"]
    assert client.get("/missions/", params={"status": "cancelled"}).status_code == 422


def test_mission_validation_and_unique_code(client: TestClient, make_mission) -> None:
    make_mission(code="OP-007")
    duplicate = client.post("/missions/", json={"code": "OP-007", "title": "Again"})
    assert duplicate.status_code == 409
    assert duplicate.json() == {"detail": "Mission code 'OP-007' is already taken"}
    too_hard = client.post("/missions/", json={"code": "OP-999", "title": "x", "difficulty": 9})
    assert too_hard.status_code == 422


def test_assign_and_unassign_heroes(
    client: TestClient, session: Session, make_mission, make_hero
) -> None:
    mission = make_mission()
    deadpond = make_hero(name="Deadpond")
    rusty = make_hero(name="Rusty-Man")

    url = f"/missions/{mission['id']}/heroes"
    client.put(f"{url}/{rusty['id']}")
    response = client.put(f"{url}/{deadpond['id']}")
    assert response.status_code == 200
    # Heroes come back ordered by id, and assigning twice changes nothing.
    client.put(f"{url}/{deadpond['id']}")
    detail = client.get(f"/missions/{mission['id']}").json()
    assert [hero["name"] for hero in detail["heroes"]] == ["Deadpond", "Rusty-Man"]
    assert len(session.exec(select(HeroMissionLink)).all()) == 2

    hero_missions = client.get(f"/heroes/{deadpond['id']}/missions").json()
    assert [m["id"] for m in hero_missions] == [mission["id"]]

    response = client.delete(f"{url}/{deadpond['id']}")
    assert [hero["name"] for hero in response.json()["heroes"]] == ["Rusty-Man"]
    assert client.delete(f"{url}/{deadpond['id']}").status_code == 404
    assert client.get(f"/heroes/{deadpond['id']}/missions").json() == []


def test_assign_unknown_hero_or_mission(client: TestClient, make_mission, make_hero) -> None:
    mission = make_mission()
    hero = make_hero()
    response = client.put(f"/missions/{mission['id']}/heroes/999")
    assert response.json() == {"detail": "Hero not found"}
    response = client.put(f"/missions/999/heroes/{hero['id']}")
    assert response.json() == {"detail": "Mission not found"}


def test_completed_mission_is_closed(client: TestClient, make_mission, make_hero) -> None:
    mission = make_mission()
    hero = make_hero()
    response = client.patch(f"/missions/{mission['id']}", json={"status": "completed"})
    assert response.status_code == 200
    assert response.json()["status"] == "completed"
    assert response.json()["title"] == mission["title"]

    response = client.put(f"/missions/{mission['id']}/heroes/{hero['id']}")
    assert response.status_code == 409


def test_deleting_removes_assignments(
    client: TestClient, session: Session, make_mission, make_hero
) -> None:
    first = make_mission()
    second = make_mission()
    hero = make_hero()
    other = make_hero()
    for mission in (first, second):
        client.put(f"/missions/{mission['id']}/heroes/{hero['id']}")
        client.put(f"/missions/{mission['id']}/heroes/{other['id']}")

    assert client.delete(f"/missions/{first['id']}").status_code == 204
    assert client.get(f"/missions/{first['id']}").status_code == 404
    assert client.delete(f"/heroes/{hero['id']}").status_code == 200

    detail = client.get(f"/missions/{second['id']}").json()
    assert [h["id"] for h in detail["heroes"]] == [other["id"]]
    links = session.exec(select(HeroMissionLink)).all()
    assert [(link.hero_id, link.mission_id) for link in links] == [(other["id"], second["id"])]
