from app.core.config import settings
from app.crud import crud_user

USERS_URL = f"{settings.API_V1_STR}/users"


def test_signup_creates_user(client, db) -> None:
    payload = {"email": "new@example.com", "full_name": "New User", "password": "long-enough"}
    response = client.post(f"{USERS_URL}/signup", json=payload)
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "new@example.com"
    assert "password" not in body and "hashed_password" not in body

    user = crud_user.get_user_by_email(db, "new@example.com")
    assert user is not None
    assert crud_user.authenticate(db, "new@example.com", "long-enough") is not None


def test_signup_rejects_duplicate_email(client, make_user) -> None:
    make_user(email="taken@example.com")
    payload = {"email": "taken@example.com", "password": "long-enough"}
    response = client.post(f"{USERS_URL}/signup", json=payload)
    assert response.status_code == 409


def test_signup_validates_payload(client) -> None:
    response = client.post(f"{USERS_URL}/signup", json={"email": "nope", "password": "x"})
    assert response.status_code == 422


def test_read_and_update_me(client, make_user) -> None:
    user, headers = make_user()
    response = client.get(f"{USERS_URL}/me", headers=headers)
    assert response.status_code == 200
    assert response.json()["email"] == user.email

    response = client.patch(f"{USERS_URL}/me", headers=headers, json={"full_name": "Renamed"})
    assert response.status_code == 200
    assert response.json()["full_name"] == "Renamed"


def test_list_users_requires_superuser(client, make_user) -> None:
    _, user_headers = make_user()
    _, admin_headers = make_user(is_superuser=True)

    assert client.get(f"{USERS_URL}/", headers=user_headers).status_code == 403

    response = client.get(f"{USERS_URL}/", params={"limit": 1}, headers=admin_headers)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert len(body["data"]) == 1


def test_read_user_by_id(client, make_user) -> None:
    user, headers = make_user()
    other, _ = make_user()
    _, admin_headers = make_user(is_superuser=True)

    assert client.get(f"{USERS_URL}/{user.id}", headers=headers).status_code == 200
    assert client.get(f"{USERS_URL}/{other.id}", headers=headers).status_code == 403
    assert client.get(f"{USERS_URL}/{other.id}", headers=admin_headers).status_code == 200
    assert client.get(f"{USERS_URL}/9999", headers=admin_headers).status_code == 404
