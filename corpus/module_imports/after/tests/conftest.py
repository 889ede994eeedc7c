from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from src.database import Base, get_session
from src.main import app

JSON = dict[str, Any]


@pytest.fixture
def engine(tmp_path) -> Iterator[Engine]:
    # A fresh SQLite file per test keeps tests isolated from each other.
    engine = create_engine(
        f"sqlite:///{tmp_path / 'test.db'}", connect_args={"check_same_thread": False}
    )
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as session:
        yield session


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    def override_get_session() -> Iterator[Session]:
        with session_factory() as session:
            yield session

    app.dependency_overrides[get_session] = override_get_session
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture
def create_user(client: TestClient) -> Callable[..., JSON]:
    """Create a user through the API and return the response body."""

    def _create_user(username: str = "alice", **overrides: Any) -> JSON:
        payload = {"username": username, "email": f"{username}@example.com", **overrides}
        response = client.post("/users/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _create_user


@pytest.fixture
def create_post(client: TestClient) -> Callable[..., JSON]:
    """Create a post through the API and return the response body."""

    def _create_post(author_id: int, title: str = "Hello", body: str = "First post") -> JSON:
        payload = {"title": title, "body": body, "author_id": author_id}
        response = client.post("/posts/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _create_post
