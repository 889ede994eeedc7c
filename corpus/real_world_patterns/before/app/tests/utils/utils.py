import random
import string

from fastapi.testclient import TestClient

from app.core.config import settings

_random = random.Random(20240501)


def random_lower_string() -> str:
    return "".join(_random.choices(string.ascii_lowercase, k=32))


def random_email() -> str:
    return f"{random_lower_string()}@{random_lower_string()}.com"


def get_superuser_token_headers(client: TestClient) -> dict[str, str]:
    login_data = {
        "username": settings.FIRST_SUPERUSER,
        "password": settings.FIRST_SUPERUSER_PASSWORD,
    }
    r = client.post(f"{settings.API_V1_STR}/login/access-token", json=login_data)
    tokens = r.json()
    return {"Authorization": f"Bearer {tokens['access_token']}"}
