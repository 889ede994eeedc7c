from collections.abc import Callable, Generator
from itertools import count
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.db.base import Base
from app.db.session import get_db
from app.main import app

Factory = Callable[..., dict[str, Any]]


@pytest.fixture
def engine(tmp_path) -> Generator[Engine, None, None]:
    # A fresh SQLite file per test; tables come from the models, not from Alembic.
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
def db(session_factory: sessionmaker[Session]) -> Generator[Session, None, None]:
    with session_factory() as session:
        yield session


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
def create_user(client: TestClient) -> Factory:
    """Create a user through the API and return the JSON body."""
    sequence = count(1)

    def _create_user(**overrides: Any) -> dict[str, Any]:
        n = next(sequence)
        payload = {"email": f"user{n}@example.com", "full_name": f"User {n}", "password": "s3cret-pass"}
        payload.update(overrides)
        response = client.post("/users/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _create_user


@pytest.fixture
def create_note(client: TestClient) -> Factory:
    """Create a note through the API and return the JSON body."""

    def _create_note(owner_id: int, **overrides: Any) -> dict[str, Any]:
        payload = {"title": "Shopping", "body": "milk, eggs", "owner_id": owner_id}
        payload.update(overrides)
        response = client.post("/notes/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _create_note
