import os

# Point the application's own engine at an in-memory database before `app` is imported,
# so the startup create_all() never touches ./sql_app.db.
os.environ["DATABASE_URL"] = "sqlite://"

from collections.abc import Callable, Generator  # noqa: E402
from itertools import count  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Engine, create_engine  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from src.database import Base, get_db  # noqa: E402
from src.main import app  # noqa: E402

Factory = Callable[..., dict[str, Any]]


@pytest.fixture
def engine(tmp_path) -> Generator[Engine, None, None]:
    # A brand-new SQLite file for every test.
    engine = create_engine(
        f"sqlite:///{tmp_path / 'test.db'}", connect_args={"check_same_thread": False}
    )
    Base.metadata.create_all(bind=engine)
    yield engine
    engine.dispose()


@pytest.fixture
def TestingSessionLocal(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(autocommit=False, autoflush=False, bind=engine)


@pytest.fixture
def db(TestingSessionLocal: sessionmaker[Session]) -> Generator[Session, None, None]:
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def client(TestingSessionLocal: sessionmaker[Session]) -> Generator[TestClient, None, None]:
    def override_get_db() -> Generator[Session, None, None]:
        session = TestingSessionLocal()
        try:
            yield session
        finally:
            session.close()

    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture
def make_user(client: TestClient) -> Factory:
    sequence = count(1)

    def _make_user(email: str | None = None, password: str = "s3cret-pass") -> dict[str, Any]:
        payload = {"email": email or f"user{next(sequence)}@example.com", "password": password}
        response = client.post("/users/", json=payload)
        assert response.status_code == 201, response.text
        return response.json()

    return _make_user


@pytest.fixture
def make_item(client: TestClient, make_user: Factory) -> Factory:
    def _make_item(owner: dict[str, Any] | None = None, title: str = "Widget") -> dict[str, Any]:
        owner = owner or make_user()
        response = client.post(f"/users/{owner['id']}/items/", json={"title": title})
        assert response.status_code == 201, response.text
        return response.json()

    return _make_item
