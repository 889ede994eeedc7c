import sqlite3
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Response, status

from src.database import ConnectionDep
from src.authors import service as author_repository
from src.books import service as book_service
from src.authors.schemas import AuthorCreate, AuthorRead
from src.books.schemas import BookRead

router = APIRouter(prefix="/authors", tags=["authors"])


@router.get("/", response_model=list[AuthorRead])
def read_authors(
    conn: ConnectionDep,
    skip: int = Query(default=0, ge=0),
    limit: int = Query(default=100, ge=1, le=500),
) -> Any:
    return author_repository.list_authors(conn, skip=skip, limit=limit)


@router.post("/", response_model=AuthorRead, status_code=status.HTTP_201_CREATED)
def create_author(conn: ConnectionDep, author_in: AuthorCreate) -> Any:
    return author_repository.create_author(conn, author_in)


@router.get("/{author_id}", response_model=AuthorRead)
def read_author(conn: ConnectionDep, author_id: int) -> Any:
    author = author_repository.get_author(conn, author_id)
    if author is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")
    return author


@router.get("/{author_id}/books", response_model=list[BookRead])
def read_author_books(conn: ConnectionDep, author_id: int) -> Any:
    if author_repository.get_author(conn, author_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")
    return book_service.list_books(conn, author_id=author_id)


@router.delete("/{author_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_author(conn: ConnectionDep, author_id: int) -> Response:
    try:
        deleted = author_repository.delete_author(conn, author_id)
    except sqlite3.IntegrityError:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="Author still has books"
        ) from None
    if not deleted:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
