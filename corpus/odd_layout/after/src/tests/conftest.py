from collections.abc import Callable, Generator
from itertools import count
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

# Importing the models registers their tables on Base.metadata.
from src.database import get_db
from src.main import app
from src.models import Base
from src.orders.models import Order  # noqa: F401
from src.users.models import User  # noqa: F401

USERS_URL = "/api/v1/users"
ORDERS_URL = "/api/v1/orders"

Factory = Callable[..., dict[str, Any]]


@pytest.fixture
def engine(tmp_path) -> Generator[Engine, None, None]:
    """A brand-new SQLite file per test."""
    engine = create_engine(
        f"sqlite:///{tmp_path / 'test.db'}", connect_args={"check_same_thread": False}
    )
    Base.metadata.create_all(bind=engine)
    yield engine
    Base.metadata.drop_all(bind=engine)
    engine.dispose()


@pytest.fixture
def testing_session_local(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, autocommit=False, autoflush=False, expire_on_commit=False)


@pytest.fixture
def db(testing_session_local: sessionmaker[Session]) -> Generator[Session, None, None]:
    """A session for tests that talk to the services directly."""
    session = testing_session_local()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def client(testing_session_local: sessionmaker[Session]) -> Generator[TestClient, None, None]:
    def override_get_db() -> Generator[Session, None, None]:
        session = testing_session_local()
        try:
            yield session
        finally:
            session.close()

    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture
def create_user(client: TestClient) -> Factory:
    numbers = count(1)

    def _create_user(**fields: Any) -> dict[str, Any]:
        n = next(numbers)
        payload = {
            "email": f"customer{n}@example.com",
            "full_name": f"Customer {n}",
            "password": "correct-horse",
            **fields,
        }
        response = client.post(f"{USERS_URL}/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _create_user


@pytest.fixture
def create_order(client: TestClient, create_user: Factory) -> Factory:
    def _create_order(user: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
        user = user or create_user()
        payload = {"user_id": user["id"], "item": "Mechanical keyboard", "unit_price": "89.90"}
        payload.update(fields)
        response = client.post(f"{ORDERS_URL}/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _create_order
