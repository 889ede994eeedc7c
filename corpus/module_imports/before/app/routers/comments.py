"""HTTP endpoints for comments, nested under their post."""
from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from app.database import get_session
from app.dependencies.pagination import Pagination
from app.schemas.comment import CommentCreate, CommentRead
from app.services import comment_service, post_service, user_service

router = APIRouter(tags=["comments"])


def ensure_post_exists(post_id: int, session: Session) -> None:
    if post_service.get_post(session, post_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Post not found")


@router.post(
    "/posts/{post_id}/comments",
    response_model=CommentRead,
    status_code=status.HTTP_201_CREATED,
)
def create_comment(post_id: int, payload: CommentCreate, session: Session = Depends(get_session)):
    ensure_post_exists(post_id, session)
    if user_service.get_user(session, payload.author_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")
    return comment_service.create_comment(session, post_id, payload)


@router.get("/posts/{post_id}/comments", response_model=list[CommentRead])
def list_comments(
    post_id: int,
    pagination: Pagination = Depends(Pagination),
    session: Session = Depends(get_session),
):
    ensure_post_exists(post_id, session)
    return comment_service.list_comments(
        session, post_id, skip=pagination.skip, limit=pagination.limit
    )


@router.delete("/comments/{comment_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_comment(comment_id: int, session: Session = Depends(get_session)) -> None:
    db_comment = comment_service.get_comment(session, comment_id)
    if db_comment is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Comment not found")
    comment_service.delete_comment(session, db_comment)
