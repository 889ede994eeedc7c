from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.config import settings
from app.tests.utils.item import create_random_item

ITEMS_URL = f"{settings.API_V1_STR}/items"


def test_create_item(client: TestClient, superuser_token_headers: dict[str, str]) -> None:
    data = {"title": "Foo", "description": "Fighters"}
    r = client.post(f"{ITEMS_URL}/", headers=superuser_token_headers, json=data)
    assert r.status_code == 201
    content = r.json()
    assert content["title"] == data["title"]
    assert content["owner"] == settings.FIRST_SUPERUSER
    assert "id" in content


def test_read_item(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    item = create_random_item(db)
    r = client.get(f"{ITEMS_URL}/{item.id}", headers=superuser_token_headers)
    assert r.status_code == 200
    assert r.json() == {
        "id": item.id, "title": item.title, "description": item.description, "owner": item.owner,
    }  # fmt: skip


def test_read_item_of_someone_else_is_not_found(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    item = create_random_item(db, owner="someone@example.com")
    r = client.get(f"{ITEMS_URL}/{item.id}", headers=superuser_token_headers)
    assert r.status_code == 404
    assert r.json() == {"detail": "Item not found"}


def test_read_items(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    create_random_item(db)
    create_random_item(db)
    r = client.get(f"{ITEMS_URL}/", headers=superuser_token_headers, params={"limit": 1})
    assert r.status_code == 200
    content = r.json()
    assert content["count"] == 2
    assert len(content["data"]) == 1


def test_items_need_a_token(client: TestClient) -> None:
    assert client.get(f"{ITEMS_URL}/").status_code == 401
    headers = {"Authorization": "Bearer forged.token"}
    assert client.get(f"{ITEMS_URL}/", headers=headers).status_code == 401
