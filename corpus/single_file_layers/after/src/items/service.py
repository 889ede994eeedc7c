"""Every database operation of the API, grouped by table."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.items import models as item_models
from src.tags import models as tag_models
from src.items import schemas as item_schemas

from src import utils


# --- items ------------------------------------------------------------------


def get_item(db: Session, item_id: int) -> item_models.Item | None:
    return db.get(item_models.Item, item_id)


def get_items(
    db: Session, skip: int = 0, limit: int = 100, tag: str | None = None
) -> list[item_models.Item]:
    stmt = select(item_models.Item)
    if tag is not None:
        stmt = stmt.join(item_models.Item.tags).where(tag_models.Tag.name == tag)
    stmt = stmt.order_by(item_models.Item.id).offset(skip).limit(limit)
    return list(db.scalars(stmt))


def create_user_item(db: Session, item: item_schemas.ItemCreate, user_id: int) -> item_models.Item:
    db_item = item_models.Item(**item.model_dump(), owner_id=user_id, created_at=utils.get_datetime_utc())
    db.add(db_item)
    db.commit()
    db.refresh(db_item)
    return db_item
