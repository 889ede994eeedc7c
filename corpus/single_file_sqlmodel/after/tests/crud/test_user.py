from sqlmodel import Session, select

from src.users import service as user_service
from src.config import settings
from src.database import init_db
from src.core.security import verify_password
from src.items.models import Item
from src.users.models import User, UserCreate, UserUpdate
from tests.utils.item import create_random_item
from tests.utils.utils import random_email, random_lower_string


def test_create_user(db: Session) -> None:
    email = random_email()
    password = random_lower_string()
    user_in = UserCreate(email=email, password=password)
    user = user_service.create_user(session=db, user_create=user_in)
    assert user.email == email
    assert hasattr(user, "hashed_password")
    assert user.hashed_password != password
    assert user.created_at is not None


def test_authenticate_user(db: Session) -> None:
    email = random_email()
    password = random_lower_string()
    user_in = UserCreate(email=email, password=password)
    user = user_service.create_user(session=db, user_create=user_in)
    authenticated_user = user_service.authenticate(session=db, email=email, password=password)
    assert authenticated_user
    assert user.email == authenticated_user.email


def test_not_authenticate_user(db: Session) -> None:
    email = random_email()
    password = random_lower_string()
    user = user_service.authenticate(session=db, email=email, password=password)
    assert user is None

    user_service.create_user(session=db, user_create=UserCreate(email=email, password=password))
    assert user_service.authenticate(session=db, email=email, password="wrong-password") is None


def test_check_if_user_is_superuser(db: Session) -> None:
    email = random_email()
    password = random_lower_string()
    user_in = UserCreate(email=email, password=password, is_superuser=True)
    user = user_service.create_user(session=db, user_create=user_in)
    assert user.is_superuser is True

    normal = user_service.create_user(
        session=db, user_create=UserCreate(email=random_email(), password=password)
    )
    assert normal.is_superuser is False


def test_update_user(db: Session) -> None:
    password = random_lower_string()
    email = random_email()
    user_in = UserCreate(email=email, password=password, is_superuser=True)
    user = user_service.create_user(session=db, user_create=user_in)
    new_password = random_lower_string()
    user_in_update = UserUpdate(password=new_password, is_superuser=True)
    if user.id is not None:
        user_service.update_user(session=db, db_user=user, user_in=user_in_update)
    user_2 = db.get(User, user.id)
    assert user_2
    assert user.email == user_2.email
    assert verify_password(new_password, user_2.hashed_password)


def test_get_user_by_email(db: Session) -> None:
    email = random_email()
    user = user_service.create_user(
        session=db, user_create=UserCreate(email=email, password=random_lower_string())
    )
    found = user_service.get_user_by_email(session=db, email=email)
    assert found is not None
    assert found.id == user.id
    assert user_service.get_user_by_email(session=db, email=random_email()) is None


def test_user_items_relationship(db: Session) -> None:
    item = create_random_item(db)
    item_id = item.id
    owner = item.owner
    assert owner is not None
    assert owner.items == [item]
    assert item.created_at is not None
    owner_email = owner.email

    # cascade_delete on User.items: deleting the owner through the ORM removes the item.
    db.delete(owner)
    db.commit()
    assert user_service.get_user_by_email(session=db, email=owner_email) is None
    assert db.exec(select(Item).where(Item.id == item_id)).first() is None


def test_init_db_creates_first_superuser_once(db: Session) -> None:
    init_db(db)
    init_db(db)
    superusers = db.exec(select(User).where(User.email == settings.FIRST_SUPERUSER)).all()
    assert len(superusers) == 1
    assert superusers[0].is_superuser is True
    assert user_service.authenticate(
        session=db, email=settings.FIRST_SUPERUSER, password=settings.FIRST_SUPERUSER_PASSWORD
    )
