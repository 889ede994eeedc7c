from collections.abc import Callable, Generator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import settings
from app.db.base_class import Base
from app.db.database import get_db
from app.main import app

API = settings.API_V1_PREFIX


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
def create_user(client: TestClient) -> Callable[..., dict[str, Any]]:
    """Create a user through the API and return its JSON body."""

    def _create(email: str = "ada@example.com", full_name: str = "Ada Lovelace") -> dict[str, Any]:
        response = client.post(f"{API}/users/", json={"email": email, "full_name": full_name})
        assert response.status_code == 201, response.text
        return response.json()

    return _create


@pytest.fixture
def create_product(client: TestClient) -> Callable[..., dict[str, Any]]:
    """Create a product through the API and return its JSON body."""

    def _create(sku: str = "MUG-001", price_cents: int = 1250, stock: int = 10) -> dict[str, Any]:
        payload = {"sku": sku, "name": f"Product {sku}", "price_cents": price_cents, "stock": stock}
        response = client.post(f"{API}/products/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _create
