"""Authors table access: plain SQL from queries/authors.sql."""

import sqlite3
from pathlib import Path

from app.db.queries import load_queries
from app.schemas.author import AuthorCreate, AuthorRead

QUERIES = Path(__file__).parent / "queries" / "authors.sql"
SQL = load_queries(QUERIES)


def get_author(conn: sqlite3.Connection, author_id: int) -> AuthorRead | None:
    row = conn.execute(SQL["get_author"], {"author_id": author_id}).fetchone()
    return AuthorRead.model_validate(dict(row)) if row else None


def list_authors(conn: sqlite3.Connection, *, skip: int = 0, limit: int = 100) -> list[AuthorRead]:
    rows = conn.execute(SQL["list_authors"], {"limit": limit, "offset": skip}).fetchall()
    return [AuthorRead.model_validate(dict(row)) for row in rows]


def create_author(conn: sqlite3.Connection, author_in: AuthorCreate) -> AuthorRead:
    with conn:
        cursor = conn.execute(SQL["insert_author"], author_in.model_dump())
    author = get_author(conn, cursor.lastrowid)
    assert author is not None
    return author


def delete_author(conn: sqlite3.Connection, author_id: int) -> bool:
    """Delete an author; sqlite3.IntegrityError if some of their books are still listed."""
    with conn:
        cursor = conn.execute(SQL["delete_author"], {"author_id": author_id})
    return cursor.rowcount > 0
