from collections.abc import Generator
from sqlite3 import Connection as SQLite3Connection
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session, SQLModel, create_engine

from src.config import settings

# FastAPI runs sync endpoints in a threadpool, so SQLite must accept connections
# that were opened on another thread.
engine = create_engine(
    settings.DATABASE_URL,
    echo=settings.ECHO_SQL,
    connect_args={"check_same_thread": False},
)


@event.listens_for(Engine, "connect")
def _enable_sqlite_foreign_keys(dbapi_connection: Any, _connection_record: Any) -> None:
    """SQLite ignores FOREIGN KEY clauses unless asked to enforce them."""
    if isinstance(dbapi_connection, SQLite3Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def get_session() -> Generator[Session, None, None]:
    with Session(engine) as session:
        yield session


def create_db_and_tables(bind: Engine | None = None) -> None:
    """Create every table that does not exist yet (there are no migrations).

    The model modules are imported here so that each table is registered on
    ``SQLModel.metadata`` before ``create_all`` runs, whatever was imported first.
    """
    from src.heroes import models as hero  # noqa: F401
    from src.missions import models as mission  # noqa: F401
    from src.teams import models as team  # noqa: F401

    SQLModel.metadata.create_all(bind if bind is not None else engine)
