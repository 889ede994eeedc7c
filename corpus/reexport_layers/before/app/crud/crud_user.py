from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crud.base import CRUDBase
from app.models.user import User
from app.schemas.user import UserCreate


class CRUDUser(CRUDBase[User, UserCreate]):
    def get_by_email(self, db: Session, *, email: str) -> User | None:
        return db.scalars(select(User).where(User.email == email)).first()

    def is_active(self, user: User) -> bool:
        return user.is_active


user = CRUDUser(User)
