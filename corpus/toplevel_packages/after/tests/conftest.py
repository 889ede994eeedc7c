from collections.abc import Callable, Generator
from itertools import count
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from src.config import settings
from src.main import app
from src.base import Base
from src.database import get_db

API = settings.API_V1_STR
Factory = Callable[..., dict[str, Any]]


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # 120k PBKDF2 rounds per author makes the suite crawl; one round is plenty in tests.
    monkeypatch.setattr("src.security.HASH_ITERATIONS", 1)


@pytest.fixture
def engine(tmp_path) -> Generator[Engine, None, None]:
    """A brand-new SQLite file per test, so tests never see each other's rows."""
    engine = create_engine(
        f"sqlite:///{tmp_path / 'test.db'}", connect_args={"check_same_thread": False}
    )
    Base.metadata.create_all(bind=engine)
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
def make_author(client: TestClient) -> Factory:
    sequence = count(1)

    def _make_author(name: str = "Octavia E. Butler", **fields: Any) -> dict[str, Any]:
        number = next(sequence)
        payload = {
            "name": name,
            "email": f"author{number}@example.com",
            "password": "s3cret-password",
            **fields,
        }
        response = client.post(f"{API}/authors/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_author


@pytest.fixture
def make_book(client: TestClient, make_author: Factory) -> Factory:
    sequence = count(1)

    def _make_book(author: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
        author = author or make_author()
        number = next(sequence)
        payload = {
            "title": f"Book {number}",
            "isbn": f"978{number:010d}",
            "author_id": author["id"],
            **fields,
        }
        response = client.post(f"{API}/books/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_book
