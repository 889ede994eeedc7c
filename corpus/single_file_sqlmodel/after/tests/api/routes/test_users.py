import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from src.users import service as user_service
from src.config import settings
from src.core.security import verify_password
from src.items.models import Item
from src.users.models import User, UserCreate
from tests.utils.item import create_random_item
from tests.utils.user import create_random_user, user_authentication_headers
from tests.utils.utils import random_email, random_lower_string

USERS_URL = f"{settings.API_V1_STR}/users"


def test_get_users_superuser_me(
    client: TestClient, superuser_token_headers: dict[str, str]
) -> None:
    r = client.get(f"{USERS_URL}/me", headers=superuser_token_headers)
    current_user = r.json()
    assert current_user
    assert current_user["is_active"] is True
    assert current_user["is_superuser"]
    assert current_user["email"] == settings.FIRST_SUPERUSER


def test_get_users_normal_user_me(
    client: TestClient, normal_user_token_headers: dict[str, str]
) -> None:
    r = client.get(f"{USERS_URL}/me", headers=normal_user_token_headers)
    current_user = r.json()
    assert current_user
    assert current_user["is_active"] is True
    assert current_user["is_superuser"] is False
    assert current_user["email"] == settings.EMAIL_TEST_USER


def test_create_user_new_email(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    username = random_email()
    password = random_lower_string()
    data = {"email": username, "password": password}
    r = client.post(f"{USERS_URL}/", headers=superuser_token_headers, json=data)
    assert r.status_code == 201
    created_user = r.json()
    user = user_service.get_user_by_email(session=db, email=username)
    assert user
    assert user.email == created_user["email"]

    # Same email again is refused.
    r = client.post(f"{USERS_URL}/", headers=superuser_token_headers, json=data)
    assert r.status_code == 400


def test_create_user_by_normal_user(
    client: TestClient, normal_user_token_headers: dict[str, str]
) -> None:
    data = {"email": random_email(), "password": random_lower_string()}
    r = client.post(f"{USERS_URL}/", headers=normal_user_token_headers, json=data)
    assert r.status_code == 403


def test_get_existing_user_permissions(
    client: TestClient,
    superuser_token_headers: dict[str, str],
    normal_user_token_headers: dict[str, str],
    db: Session,
) -> None:
    other = create_random_user(db)

    r = client.get(f"{USERS_URL}/{other.id}", headers=normal_user_token_headers)
    assert r.status_code == 403
    assert r.json()["detail"] == "The user doesn't have enough privileges"

    r = client.get(f"{USERS_URL}/{other.id}", headers=superuser_token_headers)
    assert r.status_code == 200
    assert r.json()["email"] == other.email

    r = client.get(f"{USERS_URL}/{uuid.uuid4()}", headers=superuser_token_headers)
    assert r.status_code == 404


def test_retrieve_users(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    create_random_user(db)
    create_random_user(db)

    r = client.get(f"{USERS_URL}/", headers=superuser_token_headers)
    all_users = r.json()
    # The first superuser plus the two users created above.
    assert all_users["count"] == 3
    assert len(all_users["data"]) == 3
    for item in all_users["data"]:
        assert "email" in item
        assert "hashed_password" not in item

    r = client.get(f"{USERS_URL}/", params={"skip": 1, "limit": 1}, headers=superuser_token_headers)
    assert r.json()["count"] == 3
    assert len(r.json()["data"]) == 1


def test_update_user_me_and_password(client: TestClient, db: Session) -> None:
    email, password = random_email(), random_lower_string()
    user_service.create_user(session=db, user_create=UserCreate(email=email, password=password))
    headers = user_authentication_headers(client=client, email=email, password=password)

    r = client.patch(f"{USERS_URL}/me", headers=headers, json={"full_name": "Updated Name"})
    assert r.status_code == 200
    assert r.json()["full_name"] == "Updated Name"

    new_password = random_lower_string()
    r = client.patch(
        f"{USERS_URL}/me/password",
        headers=headers,
        json={"current_password": password, "new_password": new_password},
    )
    assert r.status_code == 200
    assert r.json() == {"message": "Password updated successfully"}
    user_db = db.exec(select(User).where(User.email == email)).first()
    assert user_db is not None
    assert verify_password(new_password, user_db.hashed_password)

    r = client.patch(
        f"{USERS_URL}/me/password",
        headers=headers,
        json={"current_password": password, "new_password": random_lower_string()},
    )
    assert r.status_code == 400
    assert r.json()["detail"] == "Incorrect password"


def test_register_user(client: TestClient, db: Session) -> None:
    username = random_email()
    data = {"email": username, "password": random_lower_string(), "full_name": "Signed Up"}
    r = client.post(f"{USERS_URL}/signup", json=data)
    assert r.status_code == 201
    created_user = r.json()
    assert created_user["email"] == username
    assert created_user["is_superuser"] is False

    user_db = user_service.get_user_by_email(session=db, email=username)
    assert user_db is not None
    assert user_db.full_name == "Signed Up"

    r = client.post(f"{USERS_URL}/signup", json=data)
    assert r.status_code == 400

    r = client.post(f"{USERS_URL}/signup", json={"email": "not-an-email", "password": "x"})
    assert r.status_code == 422


def test_update_user(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    user = create_random_user(db)

    r = client.patch(
        f"{USERS_URL}/{user.id}",
        headers=superuser_token_headers,
        json={"full_name": "Updated_full_name"},
    )
    assert r.status_code == 200
    assert r.json()["full_name"] == "Updated_full_name"

    r = client.patch(
        f"{USERS_URL}/{uuid.uuid4()}",
        headers=superuser_token_headers,
        json={"full_name": "Nobody"},
    )
    assert r.status_code == 404

    r = client.patch(
        f"{USERS_URL}/{user.id}",
        headers=superuser_token_headers,
        json={"email": settings.FIRST_SUPERUSER},
    )
    assert r.status_code == 409


def test_delete_user_removes_their_items(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    user = create_random_user(db)
    create_random_item(db, owner=user)
    create_random_item(db, owner=user)
    user_id = user.id

    r = client.delete(f"{USERS_URL}/{user_id}", headers=superuser_token_headers)
    assert r.status_code == 200
    assert r.json()["message"] == "User deleted successfully"

    db.expire_all()
    assert db.get(User, user_id) is None
    assert db.exec(select(Item).where(Item.owner_id == user_id)).all() == []


def test_delete_user_me(
    client: TestClient, superuser_token_headers: dict[str, str], db: Session
) -> None:
    email, password = random_email(), random_lower_string()
    user = user_service.create_user(session=db, user_create=UserCreate(email=email, password=password))
    user_id = user.id
    headers = user_authentication_headers(client=client, email=email, password=password)

    r = client.delete(f"{USERS_URL}/me", headers=headers)
    assert r.status_code == 200
    assert db.get(User, user_id) is None

    # Superusers cannot delete themselves.
    r = client.delete(f"{USERS_URL}/me", headers=superuser_token_headers)
    assert r.status_code == 403
