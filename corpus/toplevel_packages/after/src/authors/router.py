from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status

from src.dependencies import SessionDep, get_author_or_404
from src.authors import service as author_crud
from src.books import service as book_service
from src.authors.models import Author
from src.authors.schemas import AuthorCreate, AuthorDetail, AuthorLogin, AuthorRead, AuthorUpdate
from src.books.schemas import BookRead

router = APIRouter(prefix="/authors", tags=["authors"])

CurrentAuthor = Annotated[Author, Depends(get_author_or_404)]


@router.get("/", response_model=list[AuthorRead])
def read_authors(
    db: SessionDep,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> Any:
    return author_crud.list_authors(db, skip=skip, limit=limit)


@router.post("/", response_model=AuthorRead, status_code=status.HTTP_201_CREATED)
def create_author(db: SessionDep, author_in: AuthorCreate) -> Any:
    if author_crud.get_author_by_email(db, author_in.email) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail="An author with this email already exists",
        )
    return author_crud.create_author(db, author_in)


@router.post("/login", response_model=AuthorRead)
def login(db: SessionDep, credentials: AuthorLogin) -> Any:
    """Check an author's credentials (the author portal has no tokens yet)."""
    author = author_crud.authenticate(db, credentials.email, credentials.password)
    if author is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED, detail="Incorrect email or password"
        )
    return author


@router.get("/{author_id}", response_model=AuthorDetail)
def read_author(author: CurrentAuthor) -> Any:
    return author


@router.patch("/{author_id}", response_model=AuthorRead)
def update_author(db: SessionDep, author: CurrentAuthor, author_in: AuthorUpdate) -> Any:
    return author_crud.update_author(db, author, author_in)


@router.delete("/{author_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_author(db: SessionDep, author: CurrentAuthor) -> Response:
    removed = author_crud.delete_author(db, author)
    return Response(
        status_code=status.HTTP_204_NO_CONTENT, headers={"X-Books-Deleted": str(removed)}
    )


@router.get("/{author_id}/books", response_model=list[BookRead])
def read_author_books(db: SessionDep, author: CurrentAuthor) -> Any:
    return book_service.list_books(db, author_id=author.id)
