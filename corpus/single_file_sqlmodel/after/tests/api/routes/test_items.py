import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from src.items import service as item_service
from src.config import settings
from src.items.models import Item, ItemCreate
from tests.utils.item import create_random_item

ITEMS_URL = f"{settings.API_V1_STR}/items"


def test_create_item(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    data = {"title": "Foo", "description": "Fighters"}
    r = client.post(f"{ITEMS_URL}/", headers=superuser_token_headers, json=data)
    assert r.status_code == 201
    content = r.json()
    assert content["title"] == data["title"]
    assert content["description"] == data["description"]
    assert "id" in content
    assert "owner_id" in content
    assert content["created_at"] is not None

    item = db.get(Item, uuid.UUID(content["id"]))
    assert item is not None
    assert item.owner is not None
    assert item.owner.email == settings.FIRST_SUPERUSER


def test_create_item_validates_title(
    client: TestClient, superuser_token_headers: dict[str, str]
) -> None:
    r = client.post(f"{ITEMS_URL}/", headers=superuser_token_headers, json={"title": ""})
    assert r.status_code == 422


def test_create_item_goes_through_crud(
    client: TestClient,
    normal_user_token_headers: dict[str, str],
    db: Session,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[ItemCreate] = []
    real_create_item = item_service.create_item

    def fake_create_item(*, session: Session, item_in: ItemCreate, owner_id: uuid.UUID) -> Item:
        calls.append(item_in)
        stamped = ItemCreate(title=f"[patched] {item_in.title}", description=item_in.description)
        return real_create_item(session=session, item_in=stamped, owner_id=owner_id)

    monkeypatch.setattr(item_service, "create_item", fake_create_item)

    r = client.post(
        f"{ITEMS_URL}/", headers=normal_user_token_headers, json={"title": "Original"}
    )
    assert r.status_code == 201
    assert r.json()["title"] == "[patched] Original"
    assert [c.title for c in calls] == ["Original"]


def test_read_item(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    item = create_random_item(db)
    r = client.get(f"{ITEMS_URL}/{item.id}", headers=superuser_token_headers)
    assert r.status_code == 200
    content = r.json()
    assert content["title"] == item.title
    assert content["description"] == item.description
    assert content["id"] == str(item.id)
    assert content["owner_id"] == str(item.owner_id)


def test_read_item_not_found_and_not_enough_permissions(
    client: TestClient,
    superuser_token_headers: dict[str, str],
    normal_user_token_headers: dict[str, str],
    db: Session,
) -> None:
    r = client.get(f"{ITEMS_URL}/{uuid.uuid4()}", headers=superuser_token_headers)
    assert r.status_code == 404
    assert r.json()["detail"] == "Item not found"

    item = create_random_item(db)
    r = client.get(f"{ITEMS_URL}/{item.id}", headers=normal_user_token_headers)
    assert r.status_code == 400
    assert r.json()["detail"] == "Not enough permissions"


def test_read_items(
    client: TestClient,
    superuser_token_headers: dict[str, str],
    normal_user_token_headers: dict[str, str],
    db: Session,
) -> None:
    create_random_item(db)
    create_random_item(db)
    r = client.post(f"{ITEMS_URL}/", headers=normal_user_token_headers, json={"title": "Mine"})
    assert r.status_code == 201

    r = client.get(f"{ITEMS_URL}/", headers=superuser_token_headers)
    assert r.status_code == 200
    assert r.json()["count"] == 3
    assert len(r.json()["data"]) == 3

    # A normal user only sees their own items.
    r = client.get(f"{ITEMS_URL}/", headers=normal_user_token_headers)
    assert r.json()["count"] == 1
    assert [i["title"] for i in r.json()["data"]] == ["Mine"]


def test_update_item(
    client: TestClient,
    superuser_token_headers: dict[str, str],
    normal_user_token_headers: dict[str, str],
    db: Session,
) -> None:
    item = create_random_item(db)
    data = {"title": "Updated title", "description": "Updated description"}
    r = client.put(f"{ITEMS_URL}/{item.id}", headers=superuser_token_headers, json=data)
    assert r.status_code == 200
    content = r.json()
    assert content["title"] == data["title"]
    assert content["description"] == data["description"]
    assert content["owner_id"] == str(item.owner_id)

    r = client.put(f"{ITEMS_URL}/{item.id}", headers=normal_user_token_headers, json=data)
    assert r.status_code == 400

    r = client.put(f"{ITEMS_URL}/{uuid.uuid4()}", headers=superuser_token_headers, json=data)
    assert r.status_code == 404


def test_delete_item(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    item = create_random_item(db)
    item_id = item.id
    r = client.delete(f"{ITEMS_URL}/{item_id}", headers=superuser_token_headers)
    assert r.status_code == 200
    assert r.json()["message"] == "Item deleted successfully"
    assert db.get(Item, item_id) is None

    r = client.delete(f"{ITEMS_URL}/{item_id}", headers=superuser_token_headers)
    assert r.status_code == 404
