from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from src.core.security import verify_password
from src.users.models import User


def test_create_user(client: TestClient, db: Session) -> None:
    response = client.post(
        "/users/",
        json={"email": "Ada@Example.com", "full_name": "Ada Lovelace", "password": "analytical"},
    )
    assert response.status_code == 201
    data = response.json()
    assert data["email"] == "ada@example.com"
    assert data["is_active"] is True
    assert "password" not in data and "hashed_password" not in data

    user = db.get(User, data["id"])
    assert user is not None
    assert verify_password("analytical", user.hashed_password)


def test_create_user_duplicate_email(client: TestClient, create_user) -> None:
    create_user(email="dup@example.com")
    response = client.post("/users/", json={"email": "DUP@example.com", "password": "another-pass"})
    assert response.status_code == 400
    assert response.json()["detail"] == "A user with this email already exists"


def test_create_user_invalid_payload(client: TestClient) -> None:
    response = client.post("/users/", json={"email": "not-an-email", "password": "short"})
    assert response.status_code == 422


def test_read_users(client: TestClient, create_user) -> None:
    first = create_user()
    second = create_user()
    response = client.get("/users/")
    assert response.status_code == 200
    assert [user["id"] for user in response.json()] == [first["id"], second["id"]]

    response = client.get("/users/", params={"skip": 1, "limit": 1})
    assert [user["id"] for user in response.json()] == [second["id"]]


def test_read_user_not_found(client: TestClient) -> None:
    response = client.get("/users/999")
    assert response.status_code == 404
    assert response.json()["detail"] == "User not found"


def test_update_user(client: TestClient, create_user) -> None:
    user = create_user()
    response = client.patch(f"/users/{user['id']}", json={"full_name": "Renamed", "is_active": False})
    assert response.status_code == 200
    assert response.json()["full_name"] == "Renamed"
    assert response.json()["is_active"] is False


def test_delete_user_removes_notes(client: TestClient, create_user, create_note) -> None:
    user = create_user()
    note = create_note(user["id"])
    response = client.delete(f"/users/{user['id']}")
    assert response.status_code == 204
    assert client.get(f"/users/{user['id']}").status_code == 404
    assert client.get(f"/notes/{note['id']}").status_code == 404


def test_read_user_notes(client: TestClient, create_user, create_note) -> None:
    user = create_user()
    other = create_user()
    create_note(user["id"], title="Plain")
    create_note(user["id"], title="Pinned", is_pinned=True)
    create_note(other["id"], title="Not mine")

    response = client.get(f"/users/{user['id']}/notes")
    assert response.status_code == 200
    assert [note["title"] for note in response.json()] == ["Pinned", "Plain"]
