from app.models.user import User
from app.services import user_service
from app.tests.conftest import USERS_URL


def test_health(client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_create_and_read_user(client) -> None:
    payload = {"email": "Ada@Example.com", "full_name": "Ada Lovelace", "password": "analytical"}
    response = client.post(f"{USERS_URL}/", json=payload)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["email"] == "ada@example.com"
    assert created["is_active"] is True
    assert "password" not in created and "hashed_password" not in created

    response = client.get(f"{USERS_URL}/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created


def test_duplicate_email_is_rejected(client, create_user) -> None:
    user = create_user()
    payload = {"email": user["email"].upper(), "full_name": "Copy", "password": "12345678"}
    response = client.post(f"{USERS_URL}/", json=payload)
    assert response.status_code == 409
    assert response.json()["detail"] == "A user with this email already exists"


def test_unknown_user_returns_404(client) -> None:
    for method, path in [
        ("GET", "/999"),
        ("PATCH", "/999"),
        ("DELETE", "/999"),
        ("GET", "/999/orders"),
        ("GET", "/999/spending"),
    ]:
        body = {} if method == "PATCH" else None
        response = client.request(method, f"{USERS_URL}{path}", json=body)
        assert response.status_code == 404, (method, path)
        assert response.json() == {"detail": "User not found"}


def test_list_users_pagination(client, create_user) -> None:
    ids = [create_user()["id"] for _ in range(5)]
    assert [u["id"] for u in client.get(f"{USERS_URL}/").json()] == ids
    page = client.get(f"{USERS_URL}/", params={"skip": 1, "limit": 2}).json()
    assert [u["id"] for u in page] == ids[1:3]
    assert client.get(f"{USERS_URL}/", params={"limit": 0}).status_code == 422


def test_update_user_is_partial(client, create_user) -> None:
    user = create_user(full_name="Grace Hopper")
    response = client.patch(f"{USERS_URL}/{user['id']}", json={"is_active": False})
    assert response.status_code == 200
    body = response.json()
    assert body["is_active"] is False
    assert body["full_name"] == "Grace Hopper"

    # Unknown fields are refused by the request schema.
    response = client.patch(f"{USERS_URL}/{user['id']}", json={"email": "new@example.com"})
    assert response.status_code == 422


def test_delete_user_removes_their_orders(client, create_user, create_order, db) -> None:
    user = create_user()
    order = create_order(user)
    assert client.delete(f"{USERS_URL}/{user['id']}").status_code == 204
    assert client.get(f"{USERS_URL}/{user['id']}").status_code == 404
    assert client.get(f"/api/v1/orders/{order['id']}").status_code == 404
    assert db.get(User, user["id"]) is None


def test_password_is_hashed(client, create_user, db) -> None:
    created = create_user(password="s3cret-passphrase")
    user = user_service.get_user(db, created["id"])
    assert user is not None
    assert user.hashed_password != "s3cret-passphrase"
    assert user_service.verify_password("s3cret-passphrase", user.hashed_password)
    assert not user_service.verify_password("wrong-passphrase", user.hashed_password)
