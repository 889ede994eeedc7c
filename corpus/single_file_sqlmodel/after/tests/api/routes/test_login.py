from unittest import mock

from fastapi.testclient import TestClient
from sqlmodel import Session

from src.users import service as user_service
from src.config import settings
from src.users.models import UserUpdate
from tests.utils.user import create_random_user, user_authentication_headers
from tests.utils.utils import random_email, random_lower_string

LOGIN_URL = f"{settings.API_V1_STR}/login/access-token"


def test_get_access_token(client: TestClient) -> None:
    login_data = {
        "username": settings.FIRST_SUPERUSER,
        "password": settings.FIRST_SUPERUSER_PASSWORD,
    }
    r = client.post(LOGIN_URL, json=login_data)
    tokens = r.json()
    assert r.status_code == 200
    assert "access_token" in tokens
    assert tokens["access_token"]
    assert tokens["token_type"] == "bearer"


def test_get_access_token_incorrect_password(client: TestClient) -> None:
    login_data = {"username": settings.FIRST_SUPERUSER, "password": "incorrect"}
    r = client.post(LOGIN_URL, json=login_data)
    assert r.status_code == 400
    assert r.json()["detail"] == "Incorrect email or password"


def test_use_access_token(client: TestClient, superuser_token_headers: dict[str, str]) -> None:
    r = client.post(
        f"{settings.API_V1_STR}/login/test-token",
        headers=superuser_token_headers,
    )
    result = r.json()
    assert r.status_code == 200
    assert result["email"] == settings.FIRST_SUPERUSER
    assert "hashed_password" not in result


def test_bad_or_missing_token_is_rejected(client: TestClient) -> None:
    r = client.post(f"{settings.API_V1_STR}/login/test-token")
    assert r.status_code == 401

    r = client.post(
        f"{settings.API_V1_STR}/login/test-token",
        headers={"Authorization": "Bearer not-a-real.token"},
    )
    assert r.status_code == 403
    assert r.json()["detail"] == "Could not validate credentials"


def test_inactive_user_cannot_log_in(client: TestClient, db: Session) -> None:
    email, password = random_email(), random_lower_string()
    user = create_random_user(db)
    user_service.update_user(
        session=db,
        db_user=user,
        user_in=UserUpdate(email=email, password=password, is_active=False),
    )
    r = client.post(LOGIN_URL, json={"username": email, "password": password})
    assert r.status_code == 400
    assert r.json()["detail"] == "Inactive user"


def test_login_delegates_to_crud_authenticate(client: TestClient, db: Session) -> None:
    user = create_random_user(db)
    # The route calls crud.authenticate through the module, so patching the module
    # attribute replaces the password check for the duration of the request.
    with mock.patch("src.users.service.authenticate", return_value=user) as fake_authenticate:
        headers = user_authentication_headers(
            client=client, email=user.email, password="definitely-not-the-password"
        )
    fake_authenticate.assert_called_once()
    assert fake_authenticate.call_args.kwargs["email"] == user.email

    r = client.post(f"{settings.API_V1_STR}/login/test-token", headers=headers)
    assert r.status_code == 200
    assert r.json()["id"] == str(user.id)

    # Outside the patch the real check is back.
    r = client.post(
        LOGIN_URL, json={"username": user.email, "password": "definitely-not-the-password"}
    )
    assert r.status_code == 400
