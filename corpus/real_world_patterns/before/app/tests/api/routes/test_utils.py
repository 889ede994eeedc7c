from fastapi.testclient import TestClient

from app.core.config import settings
from app.utils import render_email_template


def test_health_check(client: TestClient) -> None:
    r = client.get(f"{settings.API_V1_STR}/utils/health-check/")
    assert r.status_code == 200
    assert r.json() is True


def test_email_template_is_found_next_to_the_package() -> None:
    html = render_email_template(
        template_name="welcome.html", context={"project_name": "P", "email": "a@b.c"}
    )
    assert "<h1>Welcome to P</h1>" in html
    assert "a@b.c" in html


def test_test_email(client: TestClient, superuser_token_headers: dict[str, str]) -> None:
    r = client.post(
        f"{settings.API_V1_STR}/utils/test-email/",
        headers=superuser_token_headers,
        params={"email_to": "new@example.com"},
    )
    assert r.status_code == 201
    content = r.json()
    assert content["subject"] == f"{settings.PROJECT_NAME} - New account for new@example.com"
    assert f"Welcome to {settings.PROJECT_NAME}" in content["html_content"]
