from fastapi.testclient import TestClient

from app.core.config import settings
from app.schemas.token import Token

LOGIN_URL = f"{settings.API_V1_STR}/login/access-token"


def test_get_access_token(client: TestClient) -> None:
    login_data = {
        "username": settings.FIRST_SUPERUSER,
        "password": settings.FIRST_SUPERUSER_PASSWORD,
    }
    r = client.post(LOGIN_URL, json=login_data)
    assert r.status_code == 200
    token = Token.model_validate(r.json())
    assert token.token_type == "bearer"
    assert token.access_token


def test_get_access_token_incorrect_password(client: TestClient) -> None:
    login_data = {"username": settings.FIRST_SUPERUSER, "password": "incorrect"}
    r = client.post(LOGIN_URL, json=login_data)
    assert r.status_code == 400


def test_token_identifies_the_user(
    client: TestClient, superuser_token_headers: dict[str, str]
) -> None:
    r = client.get(f"{settings.API_V1_STR}/auth/me", headers=superuser_token_headers)
    assert r.status_code == 200
    assert r.json() == {"email": settings.FIRST_SUPERUSER}
    assert client.get(f"{settings.API_V1_STR}/auth/me").status_code == 401
