from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response, status
from sqlalchemy.orm import Session

import src.items.service as crud_item
from src.dependencies import CurrentUser, SessionDep, get_current_active_superuser
from src.users import service as user_service
from src.items.models import Item
from src.users.models import User
from src.items.schemas import ItemCreate, ItemPublic, ItemsPublic, ItemUpdate, ItemWithOwner

router = APIRouter(prefix="/items", tags=["items"])


def get_owned_item(db: Session, item_id: int, current_user: User) -> Item:
    """Load an item the current user may access, or raise 404."""
    item = crud_item.get_item(db, item_id)
    # Hide other users' items behind a 404 rather than leaking their existence.
    if item is None or (item.owner_id != current_user.id and not current_user.is_superuser):
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Item not found")
    return item


@router.get("/", response_model=ItemsPublic)
def read_items(
    db: SessionDep,
    current_user: CurrentUser,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> Any:
    """Superusers see every item; everyone else sees their own."""
    owner_id = None if current_user.is_superuser else current_user.id
    items = crud_item.get_items(db, owner_id=owner_id, skip=skip, limit=limit)
    data = [ItemPublic.model_validate(item) for item in items]
    return ItemsPublic(data=data, count=crud_item.count_items(db, owner_id=owner_id))


@router.post("/", response_model=ItemPublic, status_code=status.HTTP_201_CREATED)
def create_item(db: SessionDep, current_user: CurrentUser, item_in: ItemCreate) -> Any:
    return crud_item.create_item(db, item_in, owner=current_user)


@router.get(
    "/by-owner/{user_id}",
    response_model=ItemsPublic,
    dependencies=[Depends(get_current_active_superuser)],
)
def read_items_by_owner(db: SessionDep, user_id: Annotated[int, Path(ge=1)]) -> Any:
    if user_service.get_user(db, user_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    items = crud_item.get_items(db, owner_id=user_id)
    data = [ItemPublic.model_validate(item) for item in items]
    return ItemsPublic(data=data, count=crud_item.count_items(db, owner_id=user_id))


@router.get("/{item_id}", response_model=ItemWithOwner)
def read_item(db: SessionDep, current_user: CurrentUser, item_id: int) -> Any:
    return get_owned_item(db, item_id, current_user)


@router.put("/{item_id}", response_model=ItemPublic)
def update_item(
    db: SessionDep, current_user: CurrentUser, item_id: int, item_in: ItemUpdate
) -> Any:
    item = get_owned_item(db, item_id, current_user)
    return crud_item.update_item(db, item, item_in)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_item(db: SessionDep, current_user: CurrentUser, item_id: int) -> Response:
    item = get_owned_item(db, item_id, current_user)
    crud_item.delete_item(db, item)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
