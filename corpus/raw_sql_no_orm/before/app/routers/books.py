import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status

from app.db.connection import ConnectionDep
from app.repositories import author_repository, book_repository
from app.schemas.book import BookCreate, BookDetail, BookRead, BookUpdate

router = APIRouter(prefix="/books", tags=["books"])


def get_book_or_404(conn: sqlite3.Connection, book_id: int) -> BookRead:
    book = book_repository.get_book(conn, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    return book


def ensure_author_exists(conn: sqlite3.Connection, author_id: int) -> None:
    if author_repository.get_author(conn, author_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")


@router.get("/", response_model=list[BookRead])
def read_books(
    conn: ConnectionDep,
    author_id: Annotated[int | None, Query(ge=1)] = None,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Any:
    return book_repository.list_books(conn, author_id=author_id, skip=skip, limit=limit)


@router.post("/", response_model=BookRead, status_code=status.HTTP_201_CREATED)
def create_book(conn: ConnectionDep, book_in: BookCreate) -> Any:
    ensure_author_exists(conn, book_in.author_id)
    try:
        return book_repository.create_book(conn, book_in)
    except sqlite3.IntegrityError:
        # uq_books_isbn
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="A book with this ISBN already exists"
        ) from None


@router.get("/{book_id}", response_model=BookDetail)
def read_book(conn: ConnectionDep, book_id: int) -> Any:
    book = get_book_or_404(conn, book_id)
    author = author_repository.get_author(conn, book.author_id)
    return BookDetail(**book.model_dump(), author=author)


@router.patch("/{book_id}", response_model=BookRead)
def update_book(conn: ConnectionDep, book_id: int, book_in: BookUpdate) -> Any:
    book = get_book_or_404(conn, book_id)
    if book_in.author_id is not None:
        ensure_author_exists(conn, book_in.author_id)
    return book_repository.update_book(conn, book, book_in)


@router.delete("/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(conn: ConnectionDep, book_id: int) -> Response:
    get_book_or_404(conn, book_id)
    try:
        book_repository.delete_book(conn, book_id)
    except sqlite3.IntegrityError:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="Book has a loan history"
        ) from None
    return Response(status_code=status.HTTP_204_NO_CONTENT)
