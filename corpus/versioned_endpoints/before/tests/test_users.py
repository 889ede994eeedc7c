from app.core.config import settings

USERS_URL = f"{settings.API_V1_PREFIX}/users"


def test_create_user_normalises_email(client) -> None:
    response = client.post(
        f"{USERS_URL}/", json={"email": "Grace@Example.com", "full_name": "Grace Hopper"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "grace@example.com"
    assert body["is_active"] is True


def test_duplicate_email_is_rejected(client, create_user) -> None:
    create_user(email="ada@example.com")
    response = client.post(f"{USERS_URL}/", json={"email": "ADA@example.com", "full_name": "Ada"})
    assert response.status_code == 409


def test_invalid_email_is_unprocessable(client) -> None:
    response = client.post(f"{USERS_URL}/", json={"email": "not-an-email", "full_name": "X"})
    assert response.status_code == 422


def test_read_and_list_users(client, create_user) -> None:
    first = create_user(email="one@example.com")
    create_user(email="two@example.com")

    assert client.get(f"{USERS_URL}/{first['id']}").json() == first
    listed = client.get(f"{USERS_URL}/", params={"limit": 1}).json()
    assert [user["email"] for user in listed] == ["one@example.com"]


def test_unknown_user_is_404_via_exception_handler(client) -> None:
    response = client.get(f"{USERS_URL}/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "User 999 not found"}
    assert client.get(f"{USERS_URL}/999/orders").status_code == 404
