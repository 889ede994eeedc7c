from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models.user import User
from ..schemas.user import UserCreate


def get_user(db: Session, user_id: int) -> User | None:
    return db.get(User, user_id)


def get_user_by_email(db: Session, email: str) -> User | None:
    return db.scalar(select(User).where(User.email == email.lower()))


def create_user(db: Session, user_in: UserCreate) -> User:
    # Emails are stored lower-cased so lookups are case-insensitive.
    user = User(email=user_in.email.lower(), full_name=user_in.full_name)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user
