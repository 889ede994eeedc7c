import os

# Point the app's own engine at an in-memory database before anything imports it,
# so no test can ever create ./heroes.db in the project tree.
os.environ["DATABASE_URL"] = "sqlite://"

from collections.abc import Callable, Generator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Engine  # noqa: E402
from sqlmodel import Session, SQLModel, create_engine  # noqa: E402
from sqlmodel.pool import StaticPool  # noqa: E402

from app.core.db import create_db_and_tables, get_session  # noqa: E402
from app.main import app  # noqa: E402

Factory = Callable[..., dict[str, Any]]


@pytest.fixture(name="engine")
def engine_fixture(monkeypatch: pytest.MonkeyPatch) -> Generator[Engine, None, None]:
    # One in-memory database per test; StaticPool keeps it on a single connection.
    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    # The lifespan calls create_db_and_tables() on the module-level engine.
    monkeypatch.setattr("app.core.db.engine", engine)
    create_db_and_tables(engine)
    yield engine
    SQLModel.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture(name="session")
def session_fixture(engine: Engine) -> Generator[Session, None, None]:
    with Session(engine) as session:
        yield session


@pytest.fixture(name="client")
def client_fixture(session: Session) -> Generator[TestClient, None, None]:
    def get_session_override() -> Session:
        return session

    app.dependency_overrides[get_session] = get_session_override
    with TestClient(app) as client:
        yield client
    app.dependency_overrides.clear()


@pytest.fixture
def make_team(client: TestClient) -> Factory:
    counter = iter(range(1, 1000))

    def _make_team(**overrides: Any) -> dict[str, Any]:
        n = next(counter)
        payload = {"name": f"Team {n}", "headquarters": f"Tower {n}", **overrides}
        response = client.post("/teams/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_team


@pytest.fixture
def make_hero(client: TestClient) -> Factory:
    counter = iter(range(1, 1000))

    def _make_hero(**overrides: Any) -> dict[str, Any]:
        n = next(counter)
        payload = {"name": f"Hero {n}", "secret_name": f"Civilian {n}", **overrides}
        response = client.post("/heroes/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_hero


@pytest.fixture
def make_mission(client: TestClient) -> Factory:
    counter = iter(range(1, 1000))

    def _make_mission(**overrides: Any) -> dict[str, Any]:
        n = next(counter)
        payload = {"code": f"OP-{n:03d}", "title": f"Operation {n}", **overrides}
        response = client.post("/missions/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_mission
