"""Loans table access: plain SQL from queries/loans.sql.

Business rules (availability, per-member limit) live in app.services.loan_service.
"""

import sqlite3
from datetime import datetime
from pathlib import Path

from src.db.queries import load_queries
from src.loans.schemas import LoanRead

QUERIES = Path(__file__).parent / "queries" / "loans.sql"
SQL = load_queries(QUERIES)


def _to_loan(row: sqlite3.Row) -> LoanRead:
    return LoanRead.model_validate(dict(row))


def get_loan(conn: sqlite3.Connection, loan_id: int) -> LoanRead | None:
    row = conn.execute(SQL["get_loan"], {"loan_id": loan_id}).fetchone()
    return _to_loan(row) if row else None


def list_loans(
    conn: sqlite3.Connection, *, member_email: str | None = None, active_only: bool = False
) -> list[LoanRead]:
    params = {"member_email": member_email, "active_only": int(active_only)}
    return [_to_loan(row) for row in conn.execute(SQL["list_loans"], params)]


def get_active_loan_for_book(conn: sqlite3.Connection, book_id: int) -> LoanRead | None:
    row = conn.execute(SQL["get_active_loan_for_book"], {"book_id": book_id}).fetchone()
    return _to_loan(row) if row else None


def count_active_loans(conn: sqlite3.Connection, member_email: str) -> int:
    row = conn.execute(SQL["count_active_loans"], {"member_email": member_email}).fetchone()
    return int(row["active_loans"])


def create_loan(
    conn: sqlite3.Connection,
    *,
    book_id: int,
    member_email: str,
    loaned_at: datetime,
    due_at: datetime,
) -> LoanRead:
    params = {
        "book_id": book_id,
        "member_email": member_email,
        "loaned_at": loaned_at.isoformat(),
        "due_at": due_at.isoformat(),
    }
    with conn:
        cursor = conn.execute(SQL["insert_loan"], params)
    loan = get_loan(conn, cursor.lastrowid)
    assert loan is not None
    return loan


def mark_returned(conn: sqlite3.Connection, loan_id: int, returned_at: datetime) -> bool:
    """Close an open loan; False if it does not exist or was already returned."""
    with conn:
        cursor = conn.execute(
            SQL["mark_returned"], {"loan_id": loan_id, "returned_at": returned_at.isoformat()}
        )
    return cursor.rowcount > 0
