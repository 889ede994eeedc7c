from collections.abc import Callable, Generator
from itertools import count
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from src.users import service as user_service
from src.users import schemas as user_schemas
from src.dependencies import get_db
from src.config import settings
from src.base_class import Base
from src.main import app

API = settings.API_V1_STR


@pytest.fixture
def engine(tmp_path) -> Generator[Engine, None, None]:
    # A fresh SQLite file per test keeps tests isolated from each other.
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
def make_user(db: Session) -> Callable[..., tuple[Any, dict[str, str]]]:
    """Create a user through the CRUD layer and return it with its auth header."""
    sequence = count(1)

    def _make_user(email: str | None = None) -> tuple[Any, dict[str, str]]:
        user_in = user_schemas.UserCreate(
            email=email or f"cook{next(sequence)}@example.com", full_name="Test Cook"
        )
        user = user_service.user.create(db, obj_in=user_in)
        return user, {"X-User-Id": str(user.id)}

    return _make_user


@pytest.fixture
def post_recipe(client: TestClient) -> Callable[..., dict[str, Any]]:
    """Create a recipe through the API and return its JSON body."""

    def _post(headers: dict[str, str], title: str = "Pancakes", **extra: Any) -> dict[str, Any]:
        response = client.post(f"{API}/recipes/", json={"title": title, **extra}, headers=headers)
        assert response.status_code == 201, response.text
        return response.json()

    return _post
