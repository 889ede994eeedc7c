from typing import Any

from fastapi import APIRouter, HTTPException

from app.api.deps import SessionDep
from app.auth import CurrentUser
from app.crud import crud_item
from app.schemas.item import ItemCreate, ItemPublic, ItemsPublic

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/", response_model=ItemsPublic)
def read_items(db: SessionDep, current_user: CurrentUser, skip: int = 0, limit: int = 100) -> Any:
    items = crud_item.get_items(db, owner=current_user, skip=skip, limit=limit)
    count = crud_item.count_items(db, owner=current_user)
    return ItemsPublic(data=[ItemPublic.model_validate(i) for i in items], count=count)


@router.post("/", response_model=ItemPublic, status_code=201)
def create_item(db: SessionDep, current_user: CurrentUser, item_in: ItemCreate) -> Any:
    return crud_item.create_item(db, item_in=item_in, owner=current_user)


@router.get("/{id}", response_model=ItemPublic)
def read_item(db: SessionDep, current_user: CurrentUser, id: int) -> Any:
    item = crud_item.get_item(db, id)
    if item is None or item.owner != current_user:
        raise HTTPException(status_code=404, detail="Item not found")
    return item
