from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status
from sqlalchemy.orm import Session

from crud import book as book_crud
from crud.book import AuthorNotFoundError
from db.session import get_db
from models.book import Book
from schemas.book import BookCreate, BookDetail, BookRead, BookUpdate

router = APIRouter(prefix="/books", tags=["books"])

BookId = Annotated[int, Path(ge=1, description="Book identifier")]


def get_book_or_404(db: Session, book_id: int) -> Book:
    book = book_crud.get_book(db, book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    return book


@router.get("/", response_model=list[BookRead])
def read_books(
    db: Session = Depends(get_db),
    author_id: Annotated[int | None, Query(ge=1)] = None,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> Any:
    return book_crud.list_books(db, author_id=author_id, skip=skip, limit=limit)


@router.post("/", response_model=BookRead, status_code=status.HTTP_201_CREATED)
def create_book(book_in: BookCreate, db: Session = Depends(get_db)) -> Any:
    if book_crud.get_book_by_isbn(db, book_in.isbn) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="A book with this ISBN already exists"
        )
    try:
        return book_crud.create_book(db, book_in)
    except AuthorNotFoundError:
        raise HTTPException(
            status_code=status.HTTP_404_NOT_FOUND, detail="Author not found"
        ) from None


@router.get("/{book_id}", response_model=BookDetail)
def read_book(book_id: BookId, db: Session = Depends(get_db)) -> Any:
    return get_book_or_404(db, book_id)


@router.patch("/{book_id}", response_model=BookRead)
def update_book(book_id: BookId, book_in: BookUpdate, db: Session = Depends(get_db)) -> Any:
    book = get_book_or_404(db, book_id)
    return book_crud.update_book(db, book, book_in)


@router.delete("/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: BookId, db: Session = Depends(get_db)) -> None:
    book = get_book_or_404(db, book_id)
    book_crud.delete_book(db, book)
