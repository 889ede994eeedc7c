"""Business logic for blog posts."""
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from src.users import models as user_models
from src.posts import models as post
from src.posts import schemas as post_schemas


class AuthorNotFoundError(Exception):
    """Raised when a post references a user that does not exist."""


def get_post(session: Session, post_id: int) -> post.Post | None:
    return session.get(post.Post, post_id)


def list_posts(
    session: Session, skip: int = 0, limit: int = 20, author_id: int | None = None
) -> list[post.Post]:
    # Load authors eagerly: every PostRead embeds its author.
    stmt = select(post.Post).options(selectinload(post.Post.author)).order_by(post.Post.id)
    if author_id is not None:
        stmt = stmt.where(post.Post.author_id == author_id)
    return list(session.scalars(stmt.offset(skip).limit(limit)))


def create_post(session: Session, data: post_schemas.PostCreate) -> post.Post:
    author = session.get(user_models.User, data.author_id)
    if author is None:
        raise AuthorNotFoundError(data.author_id)
    db_post = post.Post(title=data.title, body=data.body, author=author)
    session.add(db_post)
    session.commit()
    session.refresh(db_post)
    return db_post


def update_post(session: Session, db_post: post.Post, data: post_schemas.PostUpdate) -> post.Post:
    # Only touch the fields the client actually sent.
    for field, value in data.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(db_post, field, value)
    session.commit()
    session.refresh(db_post)
    return db_post


def delete_post(session: Session, db_post: post.Post) -> None:
    session.delete(db_post)
    session.commit()
