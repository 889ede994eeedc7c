from datetime import timedelta

from src.config import settings
from src.core.security import (
    create_access_token,
    decode_access_token,
    get_password_hash,
    verify_password,
)

LOGIN_URL = f"{settings.API_V1_STR}/login"


def test_password_hash_round_trip() -> None:
    hashed = get_password_hash("correct horse")
    assert hashed != "correct horse"
    assert verify_password("correct horse", hashed)
    assert not verify_password("wrong horse", hashed)


def test_token_round_trip_and_tampering() -> None:
    token = create_access_token(42)
    assert decode_access_token(token) == "42"
    assert decode_access_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
    assert decode_access_token("not-a-token") is None


def test_expired_token_is_rejected() -> None:
    token = create_access_token(1, expires_delta=timedelta(seconds=-5))
    assert decode_access_token(token) is None


def test_login_returns_usable_token(client, make_user) -> None:
    user, _ = make_user(email="alice@example.com", password="alice-password")
    response = client.post(
        f"{LOGIN_URL}/access-token",
        json={"email": "alice@example.com", "password": "alice-password"},
    )
    assert response.status_code == 200
    token = response.json()
    assert token["token_type"] == "bearer"

    headers = {"Authorization": f"Bearer {token['access_token']}"}
    response = client.post(f"{LOGIN_URL}/test-token", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == user.id


def test_login_with_wrong_password(client, make_user) -> None:
    make_user(email="bob@example.com", password="bob-password")
    response = client.post(
        f"{LOGIN_URL}/access-token",
        json={"email": "bob@example.com", "password": "not-bobs-password"},
    )
    assert response.status_code == 400


def test_missing_or_invalid_token_is_unauthorized(client) -> None:
    assert client.post(f"{LOGIN_URL}/test-token").status_code == 401
    headers = {"Authorization": "Bearer garbage"}
    assert client.post(f"{LOGIN_URL}/test-token", headers=headers).status_code == 401
