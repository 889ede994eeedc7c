from sqlalchemy import select
from sqlalchemy.orm import Session

from src.service import CRUDBase
from src.users.models import User
from src.users.schemas import UserCreate


class CRUDUser(CRUDBase[User, UserCreate]):
    def get_by_email(self, db: Session, *, email: str) -> User | None:
        return db.scalars(select(User).where(User.email == email)).first()

    def is_active(self, user: User) -> bool:
        return user.is_active


user = CRUDUser(User)
