"""HTTP routes of the API: one APIRouter per resource, all in this module."""

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from app import crud, schemas
from app.database import get_db

users_router = APIRouter(prefix="/users", tags=["users"])
items_router = APIRouter(prefix="/items", tags=["items"])
tags_router = APIRouter(prefix="/tags", tags=["tags"])


# --- users ------------------------------------------------------------------


@users_router.post("/", response_model=schemas.User, status_code=status.HTTP_201_CREATED)
def create_user(user: schemas.UserCreate, db: Session = Depends(get_db)):
    db_user = crud.get_user_by_email(db, email=user.email)
    if db_user:
        raise HTTPException(status_code=400, detail="Email already registered")
    return crud.create_user(db=db, user=user)


@users_router.get("/", response_model=list[schemas.User])
def read_users(
    skip: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=100),
    db: Session = Depends(get_db),
):
    return crud.get_users(db, skip=skip, limit=limit)


@users_router.get("/{user_id}", response_model=schemas.User)
def read_user(user_id: int, db: Session = Depends(get_db)):
    db_user = crud.get_user(db, user_id=user_id)
    if db_user is None:
        raise HTTPException(status_code=404, detail="User not found")
    return db_user


@users_router.delete("/{user_id}", response_model=schemas.Message)
def delete_user(user_id: int, db: Session = Depends(get_db)):
    db_user = crud.get_user(db, user_id=user_id)
    if db_user is None:
        raise HTTPException(status_code=404, detail="User not found")
    crud.delete_user(db, db_user)
    return schemas.Message(message="User deleted")


@users_router.post(
    "/{user_id}/items/", response_model=schemas.Item, status_code=status.HTTP_201_CREATED
)
def create_item_for_user(user_id: int, item: schemas.ItemCreate, db: Session = Depends(get_db)):
    if crud.get_user(db, user_id=user_id) is None:
        raise HTTPException(status_code=404, detail="User not found")
    return crud.create_user_item(db=db, item=item, user_id=user_id)


# --- items ------------------------------------------------------------------


@items_router.get("/", response_model=list[schemas.Item])
def read_items(
    skip: int = 0,
    limit: int = 100,
    tag: str | None = Query(None, description="Only items carrying this tag"),
    db: Session = Depends(get_db),
):
    return crud.get_items(db, skip=skip, limit=limit, tag=tag)


@items_router.get("/{item_id}", response_model=schemas.Item)
def read_item(item_id: int, db: Session = Depends(get_db)):
    db_item = crud.get_item(db, item_id=item_id)
    if db_item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return db_item


@items_router.post("/{item_id}/tags", response_model=schemas.Item)
def tag_item(item_id: int, tag: schemas.TagCreate, db: Session = Depends(get_db)):
    """Attach a tag to an item, creating the tag on the fly if needed."""
    db_item = crud.get_item(db, item_id=item_id)
    if db_item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    db_tag = crud.get_tag_by_name(db, name=tag.name) or crud.create_tag(db, tag=tag)
    return crud.add_tag_to_item(db, db_item, db_tag)


# --- tags -------------------------------------------------------------------


@tags_router.post("/", response_model=schemas.Tag, status_code=status.HTTP_201_CREATED)
def create_tag(tag: schemas.TagCreate, db: Session = Depends(get_db)):
    if crud.get_tag_by_name(db, name=tag.name):
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="Tag already exists")
    return crud.create_tag(db=db, tag=tag)


@tags_router.get("/", response_model=list[schemas.Tag])
def read_tags(db: Session = Depends(get_db)):
    return crud.get_tags(db)


@tags_router.get("/{tag_name}/items", response_model=list[schemas.Item])
def read_tag_items(tag_name: str, db: Session = Depends(get_db)):
    if crud.get_tag_by_name(db, name=tag_name) is None:
        raise HTTPException(status_code=404, detail="Tag not found")
    return crud.get_items(db, tag=tag_name)


@tags_router.delete("/{tag_id}", response_model=schemas.Message)
def delete_tag(tag_id: int, db: Session = Depends(get_db)):
    db_tag = crud.get_tag(db, tag_id=tag_id)
    if db_tag is None:
        raise HTTPException(status_code=404, detail="Tag not found")
    name = db_tag.name  # read it before the row is gone
    crud.delete_tag(db, db_tag)
    return schemas.Message(message=f"Tag {name!r} deleted")
