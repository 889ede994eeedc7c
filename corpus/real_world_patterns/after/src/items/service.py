from sqlalchemy import func, select
from sqlalchemy.orm import Session

from src.items.models import Item
from src.items.schemas import ItemCreate


def create_item(db: Session, *, item_in: ItemCreate, owner: str) -> Item:
    item = Item(**item_in.model_dump(), owner=owner)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item


def get_item(db: Session, item_id: int) -> Item | None:
    return db.get(Item, item_id)


def get_items(db: Session, *, owner: str, skip: int = 0, limit: int = 100) -> list[Item]:
    query = select(Item).where(Item.owner == owner).order_by(Item.id).offset(skip).limit(limit)
    return list(db.scalars(query))


def count_items(db: Session, *, owner: str) -> int:
    return db.scalar(select(func.count()).select_from(Item).where(Item.owner == owner)) or 0
