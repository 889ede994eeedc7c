import sqlite3
from collections.abc import Generator
from pathlib import Path
from typing import Annotated

from fastapi import Depends

from app.core.config import settings

# The DDL lives next to this module.
SCHEMA_PATH = Path(__file__).with_name("schema.sql")


def connect(database_path: str | Path | None = None) -> sqlite3.Connection:
    """Open a connection configured the way every repository expects it."""
    conn = sqlite3.connect(
        database_path or settings.DATABASE_PATH,
        # FastAPI runs sync dependencies and endpoints in its threadpool.
        check_same_thread=False,
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def init_db(conn: sqlite3.Connection | None = None) -> None:
    """Create the tables (if they do not exist yet) by running schema.sql."""
    schema = SCHEMA_PATH.read_text(encoding="utf-8")
    if conn is not None:
        conn.executescript(schema)
        return
    conn = connect()
    try:
        conn.executescript(schema)
    finally:
        conn.close()


def get_connection() -> Generator[sqlite3.Connection, None, None]:
    """FastAPI dependency: one connection per request, always closed."""
    conn = connect()
    try:
        yield conn
    finally:
        conn.close()


ConnectionDep = Annotated[sqlite3.Connection, Depends(get_connection)]
