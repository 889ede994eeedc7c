"""HTTP endpoints for blog posts."""
from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

import app.services.post_service as post_service
from app.database import get_session
from app.dependencies.pagination import Pagination
from app.models.post import Post
from app.schemas import post as post_schemas

router = APIRouter(prefix="/posts", tags=["posts"])


def get_post_or_404(post_id: int, session: Session = Depends(get_session)) -> Post:
    """Path dependency resolving ``post_id`` to a Post or failing with 404."""
    db_post = post_service.get_post(session, post_id)
    if db_post is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Post not found")
    return db_post


@router.post("/", response_model=post_schemas.PostRead, status_code=status.HTTP_201_CREATED)
def create_post(payload: post_schemas.PostCreate, session: Session = Depends(get_session)):
    try:
        return post_service.create_post(session, payload)
    except post_service.AuthorNotFoundError:
        raise HTTPException(
            status_code=status.HTTP_404_NOT_FOUND, detail="Author not found"
        ) from None


@router.get("/", response_model=list[post_schemas.PostRead])
def list_posts(
    author_id: int | None = None,
    pagination: Pagination = Depends(Pagination),
    session: Session = Depends(get_session),
):
    return post_service.list_posts(
        session, skip=pagination.skip, limit=pagination.limit, author_id=author_id
    )


@router.get("/{post_id}", response_model=post_schemas.PostRead)
def read_post(db_post: Post = Depends(get_post_or_404)):
    return db_post


@router.patch("/{post_id}", response_model=post_schemas.PostRead)
def update_post(
    payload: post_schemas.PostUpdate,
    db_post: Post = Depends(get_post_or_404),
    session: Session = Depends(get_session),
):
    return post_service.update_post(session, db_post, payload)


@router.delete("/{post_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_post(
    db_post: Post = Depends(get_post_or_404), session: Session = Depends(get_session)
) -> None:
    post_service.delete_post(session, db_post)
