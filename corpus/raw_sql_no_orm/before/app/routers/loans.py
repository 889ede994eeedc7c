from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status

from app.core.exceptions import ConflictError, NotFoundError
from app.db.connection import ConnectionDep
from app.repositories import loan_repository
from app.schemas.loan import LoanCreate, LoanRead
from app.services import loan_service

router = APIRouter(prefix="/loans", tags=["loans"])


@router.get("/", response_model=list[LoanRead])
def read_loans(
    conn: ConnectionDep,
    member_email: Annotated[str | None, Query(max_length=254)] = None,
    active_only: bool = False,
) -> Any:
    return loan_repository.list_loans(conn, member_email=member_email, active_only=active_only)


@router.post("/", response_model=LoanRead, status_code=status.HTTP_201_CREATED)
def lend_book(conn: ConnectionDep, loan_in: LoanCreate) -> Any:
    """Lend a book: 404 for an unknown book, 409 when a lending rule forbids it."""
    try:
        return loan_service.lend_book(conn, loan_in)
    except NotFoundError as exc:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=str(exc)) from exc
    except ConflictError as exc:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=str(exc)) from exc


@router.get("/{loan_id}", response_model=LoanRead)
def read_loan(conn: ConnectionDep, loan_id: int) -> Any:
    loan = loan_repository.get_loan(conn, loan_id)
    if loan is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Loan not found")
    return loan


@router.post("/{loan_id}/return", response_model=LoanRead)
def return_book(conn: ConnectionDep, loan_id: int) -> Any:
    try:
        return loan_service.return_book(conn, loan_id)
    except NotFoundError as exc:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=str(exc)) from exc
    except ConflictError as exc:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=str(exc)) from exc
