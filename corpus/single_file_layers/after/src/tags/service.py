"""Every database operation of the API, grouped by table."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.items import models as item_models
from src.tags import models as tag_models
from src.tags import schemas as tag_schemas

from src import utils


# --- tags -------------------------------------------------------------------


def get_tag(db: Session, tag_id: int) -> tag_models.Tag | None:
    return db.get(tag_models.Tag, tag_id)


def get_tag_by_name(db: Session, name: str) -> tag_models.Tag | None:
    return db.scalar(select(tag_models.Tag).where(tag_models.Tag.name == name))


def get_tags(db: Session) -> list[tag_models.Tag]:
    return list(db.scalars(select(tag_models.Tag).order_by(tag_models.Tag.name)))


def create_tag(db: Session, tag: tag_schemas.TagCreate) -> tag_models.Tag:
    db_tag = tag_models.Tag(name=tag.name)
    db.add(db_tag)
    db.commit()
    db.refresh(db_tag)
    return db_tag


def delete_tag(db: Session, db_tag: tag_models.Tag) -> None:
    db.delete(db_tag)
    db.commit()


def add_tag_to_item(db: Session, db_item: item_models.Item, db_tag: tag_models.Tag) -> item_models.Item:
    """Attach a tag to an item (idempotent) and bump the item's `updated_at`."""
    if db_tag not in db_item.tags:
        db_item.tags.append(db_tag)
        db_item.updated_at = utils.get_datetime_utc()
        db.commit()
        db.refresh(db_item)
    return db_item
