from sqlmodel import Session, SQLModel, create_engine, select

from src.users import service as user_service
from src.config import settings
from src.users.models import User, UserCreate

# FastAPI runs sync path operations in a threadpool, hence check_same_thread=False.
engine = create_engine(
    settings.SQLALCHEMY_DATABASE_URI,
    connect_args={"check_same_thread": False},
)


# make sure all SQLModel models are imported (app.models) before initializing DB
# otherwise, SQLModel might fail to initialize relationships properly
# for more details: https://github.com/fastapi/full-stack-fastapi-template/issues/28


def init_db(session: Session) -> None:
    # This project has no Alembic migrations: the tables are created straight
    # from the SQLModel metadata (a no-op for tables that already exist).
    SQLModel.metadata.create_all(session.get_bind())

    user = session.exec(
        select(User).where(User.email == settings.FIRST_SUPERUSER)
    ).first()
    if not user:
        user_in = UserCreate(
            email=settings.FIRST_SUPERUSER,
            password=settings.FIRST_SUPERUSER_PASSWORD,
            is_superuser=True,
        )
        user = user_service.create_user(session=session, user_create=user_in)
