from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.exceptions import NotFoundError
from src.users.models import User
from src.users.schemas import UserCreate


class UserRepository:
    """Data access for users; one instance per request session."""

    def __init__(self, db: Session) -> None:
        self.db = db

    def get(self, user_id: int) -> User | None:
        return self.db.get(User, user_id)

    def get_or_raise(self, user_id: int) -> User:
        user = self.get(user_id)
        if user is None:
            raise NotFoundError("User", user_id)
        return user

    def get_by_email(self, email: str) -> User | None:
        return self.db.scalar(select(User).where(User.email == email))

    def list(self, *, skip: int = 0, limit: int = 100) -> Sequence[User]:
        stmt = select(User).order_by(User.id).offset(skip).limit(limit)
        return self.db.scalars(stmt).all()

    def create(self, user_in: UserCreate) -> User:
        user = User(email=user_in.email.lower(), full_name=user_in.full_name)
        self.db.add(user)
        self.db.commit()
        self.db.refresh(user)
        return user
