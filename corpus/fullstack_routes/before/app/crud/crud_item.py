from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.item import Item
from app.models.user import User
from app.schemas.item import ItemCreate, ItemUpdate


def get_item(db: Session, item_id: int) -> Item | None:
    return db.get(Item, item_id)


def get_items(
    db: Session, *, owner_id: int | None = None, skip: int = 0, limit: int = 100
) -> list[Item]:
    """List items, optionally restricted to one owner."""
    statement = select(Item).order_by(Item.id).offset(skip).limit(limit)
    if owner_id is not None:
        statement = statement.where(Item.owner_id == owner_id)
    return list(db.scalars(statement))


def count_items(db: Session, *, owner_id: int | None = None) -> int:
    statement = select(func.count()).select_from(Item)
    if owner_id is not None:
        statement = statement.where(Item.owner_id == owner_id)
    return db.scalar(statement) or 0


def create_item(db: Session, item_in: ItemCreate, owner: User) -> Item:
    item = Item(**item_in.model_dump(), owner=owner)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


def update_item(db: Session, item: Item, item_in: ItemUpdate) -> Item:
    for field, value in item_in.model_dump(exclude_unset=True).items():
        setattr(item, field, value)
    db.commit()
    db.refresh(item)
    return item


def delete_item(db: Session, item: Item) -> None:
    db.delete(item)
    db.commit()
