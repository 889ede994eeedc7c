"""Files the application reads at runtime through __file__: templates, SQL, .env and VERSION."""
from pathlib import Path

from fastapi.testclient import TestClient

from app.core.config import ENV_FILE, settings
from app.main import APP_VERSION, app

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_welcome_page_uses_template(client: TestClient, create_user) -> None:
    user = create_user(full_name="Grace <Hopper>")
    response = client.get(f"/users/{user['id']}/welcome")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Welcome, Grace &lt;Hopper&gt;!</h1>" in response.text
    assert "{name}" not in response.text


def test_welcome_page_unknown_user(client: TestClient) -> None:
    assert client.get("/users/404/welcome").status_code == 404


def test_note_stats_sql(client: TestClient, create_user, create_note) -> None:
    busy = create_user()
    quiet = create_user()
    idle = create_user()
    for index in range(3):
        create_note(busy["id"], title=f"note {index}", is_pinned=index == 0)
    create_note(quiet["id"])

    response = client.get("/notes/stats")
    assert response.status_code == 200
    assert response.json() == [
        {"owner_id": busy["id"], "email": busy["email"], "note_count": 3, "pinned_count": 1},
        {"owner_id": quiet["id"], "email": quiet["email"], "note_count": 1, "pinned_count": 0},
        {"owner_id": idle["id"], "email": idle["email"], "note_count": 0, "pinned_count": 0},
    ]

    response = client.get("/notes/stats", params={"min_notes": 2})
    assert [row["owner_id"] for row in response.json()] == [busy["id"]]


def test_settings_read_from_dotenv(client: TestClient) -> None:
    assert ENV_FILE == PROJECT_ROOT / ".env"
    response = client.get("/info")
    assert response.status_code == 200
    assert response.json()["app_name"] == "Notes (from .env)"
    assert response.json()["note_max_length"] == 500
    assert app.title == settings.APP_NAME == "Notes (from .env)"


def test_note_max_length_from_dotenv(client: TestClient, create_user) -> None:
    user = create_user()
    ok = client.post("/notes/", json={"title": "long", "body": "x" * 500, "owner_id": user["id"]})
    assert ok.status_code == 201
    too_long = client.post("/notes/", json={"title": "long", "body": "x" * 501, "owner_id": user["id"]})
    assert too_long.status_code == 422
    assert too_long.json()["detail"] == "Note body is limited to 500 characters"


def test_version_file(client: TestClient) -> None:
    expected = (PROJECT_ROOT / "VERSION").read_text(encoding="utf-8").strip()
    assert expected == "1.4.2"
    assert APP_VERSION == expected
    assert client.get("/info").json()["version"] == expected
    assert client.get("/openapi.json").json()["info"]["version"] == expected
