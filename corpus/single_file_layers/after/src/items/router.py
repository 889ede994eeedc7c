"""HTTP routes of the API: one APIRouter per resource, all in this module."""

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import Session

from src.items import service as item_service
from src.tags import service as tag_service
from src.items import schemas as item_schemas
from src.tags import schemas as tag_schemas
from src.database import get_db
items_router = APIRouter(prefix="/items", tags=["items"])


# --- items ------------------------------------------------------------------


@items_router.get("/", response_model=list[item_schemas.Item])
def read_items(
    skip: int = 0,
    limit: int = 100,
    tag: str | None = Query(None, description="Only items carrying this tag"),
    db: Session = Depends(get_db),
):
    return item_service.get_items(db, skip=skip, limit=limit, tag=tag)


@items_router.get("/{item_id}", response_model=item_schemas.Item)
def read_item(item_id: int, db: Session = Depends(get_db)):
    db_item = item_service.get_item(db, item_id=item_id)
    if db_item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return db_item


@items_router.post("/{item_id}/tags", response_model=item_schemas.Item)
def tag_item(item_id: int, tag: tag_schemas.TagCreate, db: Session = Depends(get_db)):
    """Attach a tag to an item, creating the tag on the fly if needed."""
    db_item = item_service.get_item(db, item_id=item_id)
    if db_item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    db_tag = tag_service.get_tag_by_name(db, name=tag.name) or tag_service.create_tag(db, tag=tag)
    return tag_service.add_tag_to_item(db, db_item, db_tag)
