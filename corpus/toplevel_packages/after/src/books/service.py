from sqlalchemy import func, select
from sqlalchemy.orm import Session

from src.authors import service as author_service
from src.books.models import Book
from src.books.schemas import BookCreate, BookUpdate


class AuthorNotFoundError(LookupError):
    """Raised when a book refers to an author that does not exist."""


def get_book(db: Session, book_id: int) -> Book | None:
    return db.get(Book, book_id)


def get_book_by_isbn(db: Session, isbn: str) -> Book | None:
    return db.scalar(select(Book).where(Book.isbn == isbn))


def list_books(
    db: Session, *, author_id: int | None = None, skip: int = 0, limit: int = 100
) -> list[Book]:
    statement = select(Book).order_by(Book.id)
    if author_id is not None:
        statement = statement.where(Book.author_id == author_id)
    return list(db.scalars(statement.offset(skip).limit(limit)))


def count_books(db: Session, *, author_id: int | None = None) -> int:
    statement = select(func.count(Book.id))
    if author_id is not None:
        statement = statement.where(Book.author_id == author_id)
    return db.scalar(statement) or 0


def create_book(db: Session, book_in: BookCreate) -> Book:
    if author_service.get_author(db, book_in.author_id) is None:
        raise AuthorNotFoundError(book_in.author_id)
    book = Book(**book_in.model_dump())
    db.add(book)
    db.commit()
    db.refresh(book)
    return book


def update_book(db: Session, book: Book, book_in: BookUpdate) -> Book:
    for field, value in book_in.model_dump(exclude_unset=True).items():
        setattr(book, field, value)
    db.commit()
    db.refresh(book)
    return book


def delete_book(db: Session, book: Book) -> None:
    db.delete(book)
    db.commit()
