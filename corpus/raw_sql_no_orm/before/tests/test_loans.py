from datetime import UTC, datetime
from unittest import mock

import pytest

from app.core import exceptions
from app.core.config import settings
from app.schemas.loan import LoanCreate
from app.services import loan_service

READER = "reader@example.com"


def lend(client, book_id: int, member_email: str = READER):
    return client.post("/loans/", json={"book_id": book_id, "member_email": member_email})


def test_lend_book_sets_due_date(client, make_book) -> None:
    book = make_book()
    frozen = datetime(2024, 3, 1, 10, 30, tzinfo=UTC)
    # loan_service looks utcnow up in its own module: patch it there.
    with mock.patch("app.services.loan_service.utcnow", return_value=frozen):
        response = lend(client, book["id"])
    assert response.status_code == 201
    loan = response.json()
    assert loan["book_id"] == book["id"]
    assert loan["is_active"] is True
    assert datetime.fromisoformat(loan["loaned_at"]) == frozen
    assert datetime.fromisoformat(loan["due_at"]) == datetime(2024, 3, 15, 10, 30, tzinfo=UTC)
    assert client.get(f"/loans/{loan['id']}").json() == loan


def test_book_already_on_loan_is_a_conflict(client, make_book) -> None:
    book = make_book()
    assert lend(client, book["id"]).status_code == 201
    response = lend(client, book["id"], "someone.else@example.com")
    assert response.status_code == 409
    assert response.json() == {"detail": "Book is already on loan"}


def test_unknown_book_and_loan_are_404(client) -> None:
    response = lend(client, 999)
    assert response.status_code == 404
    assert response.json() == {"detail": "Book not found"}
    assert client.get("/loans/999").status_code == 404
    assert client.post("/loans/999/return").json() == {"detail": "Loan not found"}


def test_member_loan_limit(client, monkeypatch, make_book) -> None:
    monkeypatch.setattr(settings, "MAX_LOANS_PER_MEMBER", 2)
    books = [make_book() for _ in range(3)]
    assert lend(client, books[0]["id"]).status_code == 201
    assert lend(client, books[1]["id"]).status_code == 201

    response = lend(client, books[2]["id"])
    assert response.status_code == 409
    assert response.json() == {"detail": "Member already has 2 books on loan"}
    # Another member is not affected.
    assert lend(client, books[2]["id"], "other@example.com").status_code == 201


def test_return_then_lend_again(client, make_book) -> None:
    book = make_book()
    loan = lend(client, book["id"]).json()

    returned = client.post(f"/loans/{loan['id']}/return")
    assert returned.status_code == 200
    assert returned.json()["is_active"] is False
    assert client.get(f"/books/{book['id']}").json()["available"] is True

    again = client.post(f"/loans/{loan['id']}/return")
    assert again.status_code == 409
    assert again.json() == {"detail": "Loan has already been returned"}
    assert lend(client, book["id"], "other@example.com").status_code == 201


def test_list_loans_filters(client, make_book) -> None:
    first, second = make_book(), make_book()
    loan = lend(client, first["id"]).json()
    lend(client, second["id"], "other@example.com")
    client.post(f"/loans/{loan['id']}/return")

    mine = client.get("/loans/", params={"member_email": READER}).json()
    assert [item["id"] for item in mine] == [loan["id"]]
    active = client.get("/loans/", params={"active_only": True}).json()
    assert [item["member_email"] for item in active] == ["other@example.com"]
    assert len(client.get("/loans/").json()) == 2


def test_service_raises_domain_errors(conn, client, make_book) -> None:
    book = make_book()
    with pytest.raises(exceptions.BookNotFoundError):
        loan_service.lend_book(conn, LoanCreate(book_id=999, member_email=READER))

    loan = loan_service.lend_book(conn, LoanCreate(book_id=book["id"], member_email=READER))
    with pytest.raises(exceptions.BookAlreadyOnLoanError):
        loan_service.lend_book(conn, LoanCreate(book_id=book["id"], member_email=READER))

    loan_service.return_book(conn, loan.id)
    with pytest.raises(exceptions.LoanAlreadyReturnedError) as excinfo:
        loan_service.return_book(conn, loan.id)
    assert isinstance(excinfo.value, exceptions.ConflictError)


def test_invalid_member_email_is_rejected(client, make_book) -> None:
    assert lend(client, make_book()["id"], "not-an-email").status_code == 422
