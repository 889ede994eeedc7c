from collections.abc import Callable, Generator
from itertools import count
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from src.dependencies import get_db
from src.config import settings
from src.database import Base
from src.main import app
from src import notifications

API = settings.API_PREFIX
Factory = Callable[..., dict[str, Any]]


@pytest.fixture(autouse=True)
def empty_outbox() -> Generator[None, None, None]:
    # The outbox is module state: start and end every test with it empty.
    notifications.OUTBOX.clear()
    yield
    notifications.OUTBOX.clear()


@pytest.fixture
def engine(tmp_path) -> Generator[Engine, None, None]:
    engine = create_engine(
        f"sqlite:///{tmp_path / 'test.sqlite3'}",
        connect_args={"check_same_thread": False},
    )
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> Generator[TestClient, None, None]:
    def override_get_db() -> Generator[Session, None, None]:
        with session_factory() as session:
            yield session

    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture
def make_user(client: TestClient) -> Factory:
    sequence = count(1)

    def _make_user(full_name: str = "Ada Lovelace") -> dict[str, Any]:
        payload = {"email": f"user{next(sequence)}@example.com", "full_name": full_name}
        response = client.post(f"{API}/users/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_user


@pytest.fixture
def make_project(client: TestClient, make_user: Factory) -> Factory:
    sequence = count(1)

    def _make_project(owner: dict[str, Any] | None = None) -> dict[str, Any]:
        owner = owner or make_user()
        number = next(sequence)
        payload = {"key": f"PRJ{number}", "name": f"Project {number}", "owner_id": owner["id"]}
        response = client.post(f"{API}/projects/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_project


@pytest.fixture
def make_ticket(client: TestClient, make_project: Factory) -> Factory:
    def _make_ticket(project: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
        project = project or make_project()
        payload = {"title": "Login page is blank", "project_id": project["id"], **fields}
        response = client.post(f"{API}/tickets/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_ticket
