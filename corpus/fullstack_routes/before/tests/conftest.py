from collections.abc import Callable, Generator
from itertools import count

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.api.deps import get_db
from app.core.security import create_access_token
from app.crud.crud_user import create_user
from app.db.session import Base
from app.main import app
from app.models.user import User
from app.schemas.user import UserCreate

UserFactory = Callable[..., tuple[User, dict[str, str]]]


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
def make_user(db: Session) -> UserFactory:
    """Create a user directly in the database and return it with auth headers."""
    sequence = count(1)

    def _make_user(
        *, email: str | None = None, password: str = "s3cret-pass", is_superuser: bool = False
    ) -> tuple[User, dict[str, str]]:
        email = email or f"user{next(sequence)}@example.com"
        user_in = UserCreate(email=email, full_name="Test User", password=password)
        user = create_user(db, user_in, is_superuser=is_superuser)
        headers = {"Authorization": f"Bearer {create_access_token(user.id)}"}
        return user, headers

    return _make_user
