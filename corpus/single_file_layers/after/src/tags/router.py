"""HTTP routes of the API: one APIRouter per resource, all in this module."""

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from src.items import service as item_service
from src.tags import service as tag_service
from src import schemas
from src.items import schemas as item_schemas
from src.tags import schemas as tag_schemas
from src.database import get_db
tags_router = APIRouter(prefix="/tags", tags=["tags"])


# --- tags -------------------------------------------------------------------


@tags_router.post("/", response_model=tag_schemas.Tag, status_code=status.HTTP_201_CREATED)
def create_tag(tag: tag_schemas.TagCreate, db: Session = Depends(get_db)):
    if tag_service.get_tag_by_name(db, name=tag.name):
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="Tag already exists")
    return tag_service.create_tag(db=db, tag=tag)


@tags_router.get("/", response_model=list[tag_schemas.Tag])
def read_tags(db: Session = Depends(get_db)):
    return tag_service.get_tags(db)


@tags_router.get("/{tag_name}/items", response_model=list[item_schemas.Item])
def read_tag_items(tag_name: str, db: Session = Depends(get_db)):
    if tag_service.get_tag_by_name(db, name=tag_name) is None:
        raise HTTPException(status_code=404, detail="Tag not found")
    return item_service.get_items(db, tag=tag_name)


@tags_router.delete("/{tag_id}", response_model=schemas.Message)
def delete_tag(tag_id: int, db: Session = Depends(get_db)):
    db_tag = tag_service.get_tag(db, tag_id=tag_id)
    if db_tag is None:
        raise HTTPException(status_code=404, detail="Tag not found")
    name = db_tag.name  # read it before the row is gone
    tag_service.delete_tag(db, db_tag)
    return schemas.Message(message=f"Tag {name!r} deleted")
