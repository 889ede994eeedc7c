"""Business logic for users."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.user import User
from app.schemas.user import UserCreate


class UsernameTakenError(Exception):
    """Raised when a username is already registered."""


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_user_by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def list_users(session: Session, skip: int = 0, limit: int = 20) -> list[User]:
    stmt = select(User).order_by(User.id).offset(skip).limit(limit)
    return list(session.scalars(stmt))


def create_user(session: Session, data: UserCreate) -> User:
    # Checked up front so callers get a domain error rather than an IntegrityError.
    if get_user_by_username(session, data.username) is not None:
        raise UsernameTakenError(data.username)
    db_user = User(**data.model_dump())
    session.add(db_user)
    session.commit()
    session.refresh(db_user)
    return db_user
