"""Lending rules on top of the loan and book repositories."""

import sqlite3
from datetime import UTC, datetime, timedelta

from app.core import exceptions
from app.core.config import settings
from app.repositories import book_repository, loan_repository
from app.schemas.loan import LoanCreate, LoanRead


def utcnow() -> datetime:
    """Current time; a function of its own so tests can freeze the clock."""
    return datetime.now(UTC)


def lend_book(conn: sqlite3.Connection, loan_in: LoanCreate) -> LoanRead:
    """Lend a book to a member.

    Raises BookNotFoundError, BookAlreadyOnLoanError or LoanLimitReachedError.
    """
    book = book_repository.get_book(conn, loan_in.book_id)
    if book is None:
        raise exceptions.BookNotFoundError(loan_in.book_id)
    if loan_repository.get_active_loan_for_book(conn, book.id) is not None:
        raise exceptions.BookAlreadyOnLoanError(book.id)

    # Read the limit at call time: it can be changed without a restart.
    limit = settings.MAX_LOANS_PER_MEMBER
    if loan_repository.count_active_loans(conn, loan_in.member_email) >= limit:
        raise exceptions.LoanLimitReachedError(loan_in.member_email, limit)

    loaned_at = utcnow()
    try:
        return loan_repository.create_loan(
            conn,
            book_id=book.id,
            member_email=loan_in.member_email,
            loaned_at=loaned_at,
            due_at=loaned_at + timedelta(days=settings.LOAN_PERIOD_DAYS),
        )
    except sqlite3.IntegrityError as exc:
        # Lost a race with another request: uq_loans_active_book caught it.
        raise exceptions.BookAlreadyOnLoanError(book.id) from exc


def return_book(conn: sqlite3.Connection, loan_id: int) -> LoanRead:
    """Close a loan. Raises LoanNotFoundError or LoanAlreadyReturnedError."""
    loan = loan_repository.get_loan(conn, loan_id)
    if loan is None:
        raise exceptions.LoanNotFoundError(loan_id)
    if not loan.is_active or not loan_repository.mark_returned(conn, loan_id, utcnow()):
        raise exceptions.LoanAlreadyReturnedError(loan_id)
    returned = loan_repository.get_loan(conn, loan_id)
    assert returned is not None
    return returned
