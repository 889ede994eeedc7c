from fastapi.testclient import TestClient


def test_create_and_read_note(client: TestClient) -> None:
    r = client.post("/notes/", json={"title": "groceries", "body": "milk"})
    assert r.status_code == 201
    note_id = r.json()["id"]
    assert r.json() == {"id": note_id, "title": "groceries", "body": "milk"}

    r = client.get(f"/notes/{note_id}/")
    assert r.status_code == 200
    assert r.json() == {"id": note_id, "title": "groceries", "body": "milk"}


def test_create_note_invalid_json(client: TestClient) -> None:
    r = client.post("/notes/", json={"body": "no title"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "title"]


def test_read_all_and_delete_notes(client: TestClient) -> None:
    first = client.post("/notes/", json={"title": "one"}).json()["id"]
    second = client.post("/notes/", json={"title": "two"}).json()["id"]
    r = client.get("/notes/")
    assert [n["id"] for n in r.json()] == [first, second]

    assert client.delete(f"/notes/{first}/").json()["title"] == "one"
    assert client.get(f"/notes/{first}/").status_code == 404
    assert client.delete(f"/notes/{first}/").status_code == 404
    assert client.get("/notes/0/").status_code == 422
