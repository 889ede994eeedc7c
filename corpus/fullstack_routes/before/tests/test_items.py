from app.core.config import settings
from app.crud.crud_item import count_items, get_item

ITEMS_URL = f"{settings.API_V1_STR}/items"


def test_create_and_read_item_with_owner(client, make_user) -> None:
    user, headers = make_user()
    payload = {"title": "Notebook", "description": "A5, dotted"}
    response = client.post(f"{ITEMS_URL}/", json=payload, headers=headers)
    assert response.status_code == 201
    created = response.json()
    assert created["owner_id"] == user.id

    response = client.get(f"{ITEMS_URL}/{created['id']}", headers=headers)
    assert response.status_code == 200
    detail = response.json()
    assert detail["title"] == "Notebook"
    # The detail view nests the owner's public profile.
    assert detail["owner"]["email"] == user.email
    assert "hashed_password" not in detail["owner"]


def test_list_items_is_scoped_to_owner(client, make_user) -> None:
    _, alice_headers = make_user()
    _, bob_headers = make_user()
    _, admin_headers = make_user(is_superuser=True)
    for title in ("one", "two", "three"):
        client.post(f"{ITEMS_URL}/", json={"title": title}, headers=alice_headers)
    client.post(f"{ITEMS_URL}/", json={"title": "bob's"}, headers=bob_headers)

    response = client.get(f"{ITEMS_URL}/", params={"skip": 1, "limit": 1}, headers=alice_headers)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [item["title"] for item in body["data"]] == ["two"]

    assert client.get(f"{ITEMS_URL}/", headers=admin_headers).json()["count"] == 4


def test_missing_item_returns_404(client, make_user) -> None:
    _, headers = make_user()
    response = client.get(f"{ITEMS_URL}/12345", headers=headers)
    assert response.status_code == 404
    assert response.json() == {"detail": "Item not found"}


def test_other_users_item_is_hidden(client, make_user) -> None:
    _, owner_headers = make_user()
    _, intruder_headers = make_user()
    response = client.post(f"{ITEMS_URL}/", json={"title": "private"}, headers=owner_headers)
    item_id = response.json()["id"]

    assert client.get(f"{ITEMS_URL}/{item_id}", headers=intruder_headers).status_code == 404
    response = client.delete(f"{ITEMS_URL}/{item_id}", headers=intruder_headers)
    assert response.status_code == 404


def test_update_and_delete_item(client, db, make_user) -> None:
    user, headers = make_user()
    item_id = client.post(f"{ITEMS_URL}/", json={"title": "draft"}, headers=headers).json()["id"]

    response = client.put(f"{ITEMS_URL}/{item_id}", json={"title": "final"}, headers=headers)
    assert response.status_code == 200
    assert response.json()["title"] == "final"

    assert client.delete(f"{ITEMS_URL}/{item_id}", headers=headers).status_code == 204
    assert get_item(db, item_id) is None
    assert count_items(db, owner_id=user.id) == 0


def test_items_by_owner_for_superuser(client, make_user) -> None:
    owner, owner_headers = make_user()
    _, admin_headers = make_user(is_superuser=True)
    client.post(f"{ITEMS_URL}/", json={"title": "owned"}, headers=owner_headers)

    response = client.get(f"{ITEMS_URL}/by-owner/{owner.id}", headers=admin_headers)
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert client.get(f"{ITEMS_URL}/by-owner/999", headers=admin_headers).status_code == 404
    assert client.get(f"{ITEMS_URL}/by-owner/{owner.id}", headers=owner_headers).status_code == 403
