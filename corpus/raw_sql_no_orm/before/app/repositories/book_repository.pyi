import sqlite3
from pathlib import Path

from app.schemas.book import BookCreate, BookRead, BookUpdate

QUERIES: Path
SQL: dict[str, str]

def get_book(conn: sqlite3.Connection, book_id: int) -> BookRead | None: ...
def list_books(
    conn: sqlite3.Connection,
    *,
    author_id: int | None = ...,
    skip: int = ...,
    limit: int = ...,
) -> list[BookRead]: ...
def create_book(conn: sqlite3.Connection, book_in: BookCreate) -> BookRead: ...
def update_book(conn: sqlite3.Connection, book: BookRead, book_in: BookUpdate) -> BookRead: ...
def delete_book(conn: sqlite3.Connection, book_id: int) -> bool: ...
