"""Books table access: plain SQL from queries/books.sql.

The public functions are mirrored in book_repository.pyi; keep the stub in sync.
"""

import sqlite3
from pathlib import Path

from src.db.queries import load_queries
from src.books.schemas import BookCreate, BookRead, BookUpdate

QUERIES = Path(__file__).parent / "queries" / "books.sql"
SQL = load_queries(QUERIES)


def _to_book(row: sqlite3.Row) -> BookRead:
    return BookRead.model_validate(dict(row))


def get_book(conn: sqlite3.Connection, book_id: int) -> BookRead | None:
    row = conn.execute(SQL["get_book"], {"book_id": book_id}).fetchone()
    return _to_book(row) if row else None


def list_books(
    conn: sqlite3.Connection,
    *,
    author_id: int | None = None,
    skip: int = 0,
    limit: int = 100,
) -> list[BookRead]:
    params = {"author_id": author_id, "limit": limit, "offset": skip}
    return [_to_book(row) for row in conn.execute(SQL["list_books"], params)]


def create_book(conn: sqlite3.Connection, book_in: BookCreate) -> BookRead:
    """Insert a book; sqlite3.IntegrityError on a duplicate ISBN or an unknown author."""
    with conn:
        cursor = conn.execute(SQL["insert_book"], book_in.model_dump())
    book = get_book(conn, cursor.lastrowid)
    assert book is not None
    return book


def update_book(conn: sqlite3.Connection, book: BookRead, book_in: BookUpdate) -> BookRead:
    changes = book_in.model_dump(exclude_unset=True)
    values = book.model_dump(include={"title", "published_year", "author_id"}) | changes
    with conn:
        conn.execute(SQL["update_book"], {**values, "book_id": book.id})
    updated = get_book(conn, book.id)
    assert updated is not None
    return updated


def delete_book(conn: sqlite3.Connection, book_id: int) -> bool:
    """Delete a book; sqlite3.IntegrityError if it has a loan history."""
    with conn:
        cursor = conn.execute(SQL["delete_book"], {"book_id": book_id})
    return cursor.rowcount > 0
