from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models.note import Note


def test_create_note(client: TestClient, db: Session, create_user) -> None:
    user = create_user()
    response = client.post(
        "/notes/", json={"title": "Ideas", "body": "write more tests", "owner_id": user["id"]}
    )
    assert response.status_code == 201
    data = response.json()
    assert data["title"] == "Ideas"
    assert data["is_pinned"] is False
    assert data["updated_at"] is None

    note = db.get(Note, data["id"])
    assert note is not None
    assert note.owner.email == user["email"]


def test_create_note_unknown_owner(client: TestClient) -> None:
    response = client.post("/notes/", json={"title": "Orphan", "owner_id": 42})
    assert response.status_code == 404
    assert response.json()["detail"] == "Owner not found"


def test_read_notes_filters(client: TestClient, create_user, create_note) -> None:
    alice = create_user()
    bob = create_user()
    create_note(alice["id"], title="a1")
    create_note(alice["id"], title="a2", is_pinned=True)
    create_note(bob["id"], title="b1", is_pinned=True)

    titles = lambda response: [note["title"] for note in response.json()]  # noqa: E731
    assert titles(client.get("/notes/")) == ["b1", "a2", "a1"]
    assert titles(client.get("/notes/", params={"owner_id": alice["id"]})) == ["a2", "a1"]
    assert titles(client.get("/notes/", params={"pinned": True})) == ["b1", "a2"]
    assert titles(client.get("/notes/", params={"pinned": False})) == ["a1"]


def test_read_note_not_found(client: TestClient) -> None:
    response = client.get("/notes/12345")
    assert response.status_code == 404
    assert response.json()["detail"] == "Note not found"


def test_update_note(client: TestClient, create_user, create_note) -> None:
    note = create_note(create_user()["id"])
    response = client.patch(f"/notes/{note['id']}", json={"is_pinned": True, "body": "bread"})
    assert response.status_code == 200
    data = response.json()
    assert data["is_pinned"] is True
    assert data["body"] == "bread"
    assert data["title"] == note["title"]
    assert data["updated_at"] is not None


def test_delete_note(client: TestClient, create_user, create_note) -> None:
    note = create_note(create_user()["id"])
    assert client.delete(f"/notes/{note['id']}").status_code == 204
    assert client.get(f"/notes/{note['id']}").status_code == 404
    assert client.delete(f"/notes/{note['id']}").status_code == 404
