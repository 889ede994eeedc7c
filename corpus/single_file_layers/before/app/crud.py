"""Every database operation of the API, grouped by table."""

import hashlib
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import models, schemas


def get_datetime_utc() -> datetime:
    """Current time in UTC; a function so tests can freeze it."""
    return datetime.now(timezone.utc)


def hash_password(password: str) -> str:
    # Not a real password hash - good enough for the demo, like the tutorial's "fakehashed".
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


# --- users ------------------------------------------------------------------


def get_user(db: Session, user_id: int) -> models.User | None:
    return db.get(models.User, user_id)


def get_user_by_email(db: Session, email: str) -> models.User | None:
    return db.scalar(select(models.User).where(models.User.email == email.lower()))


def get_users(db: Session, skip: int = 0, limit: int = 100) -> list[models.User]:
    stmt = select(models.User).order_by(models.User.id).offset(skip).limit(limit)
    return list(db.scalars(stmt))


def create_user(db: Session, user: schemas.UserCreate) -> models.User:
    db_user = models.User(
        email=user.email.lower(),
        hashed_password=hash_password(user.password),
        created_at=get_datetime_utc(),
    )
    db.add(db_user)
    db.commit()
    db.refresh(db_user)
    return db_user


def delete_user(db: Session, db_user: models.User) -> None:
    # The user's items go with it (cascade="all, delete-orphan").
    db.delete(db_user)
    db.commit()


# --- items ------------------------------------------------------------------


def get_item(db: Session, item_id: int) -> models.Item | None:
    return db.get(models.Item, item_id)


def get_items(
    db: Session, skip: int = 0, limit: int = 100, tag: str | None = None
) -> list[models.Item]:
    stmt = select(models.Item)
    if tag is not None:
        stmt = stmt.join(models.Item.tags).where(models.Tag.name == tag)
    stmt = stmt.order_by(models.Item.id).offset(skip).limit(limit)
    return list(db.scalars(stmt))


def create_user_item(db: Session, item: schemas.ItemCreate, user_id: int) -> models.Item:
    db_item = models.Item(**item.model_dump(), owner_id=user_id, created_at=get_datetime_utc())
    db.add(db_item)
    db.commit()
    db.refresh(db_item)
    return db_item


# --- tags -------------------------------------------------------------------


def get_tag(db: Session, tag_id: int) -> models.Tag | None:
    return db.get(models.Tag, tag_id)


def get_tag_by_name(db: Session, name: str) -> models.Tag | None:
    return db.scalar(select(models.Tag).where(models.Tag.name == name))


def get_tags(db: Session) -> list[models.Tag]:
    return list(db.scalars(select(models.Tag).order_by(models.Tag.name)))


def create_tag(db: Session, tag: schemas.TagCreate) -> models.Tag:
    db_tag = models.Tag(name=tag.name)
    db.add(db_tag)
    db.commit()
    db.refresh(db_tag)
    return db_tag


def delete_tag(db: Session, db_tag: models.Tag) -> None:
    db.delete(db_tag)
    db.commit()


def add_tag_to_item(db: Session, db_item: models.Item, db_tag: models.Tag) -> models.Item:
    """Attach a tag to an item (idempotent) and bump the item's `updated_at`."""
    if db_tag not in db_item.tags:
        db_item.tags.append(db_tag)
        db_item.updated_at = get_datetime_utc()
        db.commit()
        db.refresh(db_item)
    return db_item
