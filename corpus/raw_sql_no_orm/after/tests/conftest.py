import sqlite3
from collections.abc import Callable, Generator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from src.database import connect, get_connection, init_db
from src.main import app

Factory = Callable[..., dict[str, Any]]


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh database file per test; the app's lifespan creates its tables."""
    path = tmp_path / "library-test.db"
    # init_db() (run by the lifespan) opens settings.DATABASE_PATH: never the real library.db.
    monkeypatch.setattr("src.config.settings.DATABASE_PATH", str(path))
    return path


@pytest.fixture
def conn(db_path: Path) -> Generator[sqlite3.Connection, None, None]:
    """A direct connection, for tests that talk to the repositories."""
    connection = connect(db_path)
    init_db(connection)
    yield connection
    connection.close()


@pytest.fixture
def client(db_path: Path) -> Generator[TestClient, None, None]:
    def override_get_connection() -> Generator[sqlite3.Connection, None, None]:
        connection = connect(db_path)
        try:
            yield connection
        finally:
            connection.close()

    app.dependency_overrides[get_connection] = override_get_connection
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture
def make_author(client: TestClient) -> Factory:
    def _make_author(name: str = "Jane Austen", **fields: Any) -> dict[str, Any]:
        response = client.post("/authors/", json={"name": name, **fields})
        assert response.status_code == 201, response.text
        return response.json()

    return _make_author


@pytest.fixture
def make_book(client: TestClient, make_author: Factory) -> Factory:
    isbns = count(9780000000001)

    def _make_book(author: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
        author = author or make_author()
        payload = {
            "title": "Pride and Prejudice",
            "isbn": str(next(isbns)),
            "author_id": author["id"],
            **fields,
        }
        response = client.post("/books/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_book
