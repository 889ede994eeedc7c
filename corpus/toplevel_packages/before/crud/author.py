from sqlalchemy import select
from sqlalchemy.orm import Session

from core.security import hash_password, verify_password
from models import Author
from schemas.author import AuthorCreate, AuthorUpdate


def get_author(db: Session, author_id: int) -> Author | None:
    return db.get(Author, author_id)


def get_author_by_email(db: Session, email: str) -> Author | None:
    return db.scalar(select(Author).where(Author.email == email.lower()))


def list_authors(db: Session, *, skip: int = 0, limit: int = 100) -> list[Author]:
    statement = select(Author).order_by(Author.id).offset(skip).limit(limit)
    return list(db.scalars(statement))


def create_author(db: Session, author_in: AuthorCreate) -> Author:
    author = Author(
        name=author_in.name,
        email=author_in.email.lower(),
        bio=author_in.bio,
        hashed_password=hash_password(author_in.password),
    )
    db.add(author)
    db.commit()
    db.refresh(author)
    return author


def update_author(db: Session, author: Author, author_in: AuthorUpdate) -> Author:
    data = author_in.model_dump(exclude_unset=True)
    password = data.pop("password", None)
    if password:
        author.hashed_password = hash_password(password)
    for field, value in data.items():
        setattr(author, field, value)
    db.commit()
    db.refresh(author)
    return author


def delete_author(db: Session, author: Author) -> int:
    """Delete an author (and, through the cascade, their books); return how many books went."""
    # Imported here: crud.book already imports this module at import time.
    from crud.book import count_books

    removed = count_books(db, author_id=author.id)
    db.delete(author)
    db.commit()
    return removed


def authenticate(db: Session, email: str, password: str) -> Author | None:
    author = get_author_by_email(db, email)
    if author is None or not verify_password(password, author.hashed_password):
        return None
    return author
