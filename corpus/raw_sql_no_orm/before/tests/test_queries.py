import sqlite3
from pathlib import Path

import pytest

from app.db.connection import SCHEMA_PATH, connect, init_db
from app.db.queries import load_queries
from app.repositories import author_repository, book_repository, loan_repository


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        (
            book_repository,
            {"get_book", "list_books", "insert_book", "update_book", "delete_book"},
        ),
        (
            author_repository,
            {"get_author", "list_authors", "insert_author", "delete_author"},
        ),
        (
            loan_repository,
            {
                "get_loan",
                "list_loans",
                "get_active_loan_for_book",
                "count_active_loans",
                "insert_loan",
                "mark_returned",
            },
        ),
    ],
    ids=["books", "authors", "loans"],
)
def test_query_files_define_expected_names(module, expected: set[str]) -> None:
    # Each repository finds its .sql file next to itself.
    assert module.QUERIES.is_file()
    queries = load_queries(module.QUERIES)
    assert set(queries) == expected
    assert queries == module.SQL
    assert all(not sql.startswith("-- name:") for sql in queries.values())


def test_load_queries_keeps_comments_and_rejects_duplicates(tmp_path: Path) -> None:
    good = tmp_path / "good.sql"
    good.write_text(
        "-- header comment\n\n-- name: one\n-- the first\nSELECT 1;\n\n-- name: two\nSELECT 2;\n"
    )
    assert load_queries(good) == {"one": "-- the first\nSELECT 1;", "two": "SELECT 2;"}

    duplicated = tmp_path / "duplicated.sql"
    duplicated.write_text("-- name: one\nSELECT 1;\n-- name: one\nSELECT 2;\n")
    with pytest.raises(ValueError, match="duplicate query name 'one'"):
        load_queries(duplicated)

    unnamed = tmp_path / "unnamed.sql"
    unnamed.write_text("SELECT 1;\n-- name: one\nSELECT 2;\n")
    with pytest.raises(ValueError, match="before the first"):
        load_queries(unnamed)


def test_schema_creates_the_three_tables(tmp_path: Path) -> None:
    assert SCHEMA_PATH.name == "schema.sql" and SCHEMA_PATH.is_file()
    conn = connect(tmp_path / "schema.db")
    init_db(conn)
    init_db(conn)  # idempotent: runs on every start-up
    tables = {
        row["name"]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    conn.close()
    assert tables == {"authors", "books", "loans"}


def test_connection_enforces_foreign_keys_and_unique_isbn(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO books (title, isbn, author_id) VALUES ('Orphan', '9780000000000', 42)"
        )
    conn.execute("INSERT INTO authors (name) VALUES ('Ursula K. Le Guin')")
    conn.execute("INSERT INTO books (title, isbn, author_id) VALUES ('A', '9780000000000', 1)")
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute("INSERT INTO books (title, isbn, author_id) VALUES ('B', '9780000000000', 1)")
