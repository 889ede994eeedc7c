"""Every database operation of the API, grouped by table."""

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.users import models as user_models
from src.users import schemas as user_schemas

from src import utils


def hash_password(password: str) -> str:
    # Not a real password hash - good enough for the demo, like the tutorial's "fakehashed".
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


# --- users ------------------------------------------------------------------


def get_user(db: Session, user_id: int) -> user_models.User | None:
    return db.get(user_models.User, user_id)


def get_user_by_email(db: Session, email: str) -> user_models.User | None:
    return db.scalar(select(user_models.User).where(user_models.User.email == email.lower()))


def get_users(db: Session, skip: int = 0, limit: int = 100) -> list[user_models.User]:
    stmt = select(user_models.User).order_by(user_models.User.id).offset(skip).limit(limit)
    return list(db.scalars(stmt))


def create_user(db: Session, user: user_schemas.UserCreate) -> user_models.User:
    db_user = user_models.User(
        email=user.email.lower(),
        hashed_password=hash_password(user.password),
        created_at=utils.get_datetime_utc(),
    )
    db.add(db_user)
    db.commit()
    db.refresh(db_user)
    return db_user


def delete_user(db: Session, db_user: user_models.User) -> None:
    # The user's items go with it (cascade="all, delete-orphan").
    db.delete(db_user)
    db.commit()
