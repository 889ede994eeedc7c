"""Business logic for comments."""
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

import src.comments.schemas as comment_schemas
from src.comments.models import Comment


def get_comment(session: Session, comment_id: int) -> Comment | None:
    return session.get(Comment, comment_id)


def list_comments(session: Session, post_id: int, skip: int = 0, limit: int = 20) -> list[Comment]:
    stmt = (
        select(Comment)
        .options(selectinload(Comment.author))
        .where(Comment.post_id == post_id)
        .order_by(Comment.id)
        .offset(skip)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def create_comment(session: Session, post_id: int, data: comment_schemas.CommentCreate) -> Comment:
    db_comment = Comment(post_id=post_id, author_id=data.author_id, body=data.body)
    session.add(db_comment)
    session.commit()
    session.refresh(db_comment)
    return db_comment


def delete_comment(session: Session, db_comment: Comment) -> None:
    session.delete(db_comment)
    session.commit()
