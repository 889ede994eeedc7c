from sqlmodel import Session

from src.core.security import verify_password
from src.users.models import User

from src.users import service as user_service


def authenticate(*, session: Session, email: str, password: str) -> User | None:
    db_user = user_service.get_user_by_email(session=session, email=email)
    if not db_user:
        return None
    if not verify_password(password, db_user.hashed_password):
        return None
    return db_user
