"""HTTP routes of the API: one APIRouter per resource, all in this module."""

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from src.items import service as item_service
from src.users import service as user_service
from src import schemas
from src.items import schemas as item_schemas
from src.users import schemas as user_schemas
from src.database import get_db

users_router = APIRouter(prefix="/users", tags=["users"])


# --- users ------------------------------------------------------------------


@users_router.post("/", response_model=user_schemas.User, status_code=status.HTTP_201_CREATED)
def create_user(user: user_schemas.UserCreate, db: Session = Depends(get_db)):
    db_user = user_service.get_user_by_email(db, email=user.email)
    if db_user:
        raise HTTPException(status_code=400, detail="Email already registered")
    return user_service.create_user(db=db, user=user)


@users_router.get("/", response_model=list[user_schemas.User])
def read_users(
    skip: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=100),
    db: Session = Depends(get_db),
):
    return user_service.get_users(db, skip=skip, limit=limit)


@users_router.get("/{user_id}", response_model=user_schemas.User)
def read_user(user_id: int, db: Session = Depends(get_db)):
    db_user = user_service.get_user(db, user_id=user_id)
    if db_user is None:
        raise HTTPException(status_code=404, detail="User not found")
    return db_user


@users_router.delete("/{user_id}", response_model=schemas.Message)
def delete_user(user_id: int, db: Session = Depends(get_db)):
    db_user = user_service.get_user(db, user_id=user_id)
    if db_user is None:
        raise HTTPException(status_code=404, detail="User not found")
    user_service.delete_user(db, db_user)
    return schemas.Message(message="User deleted")


@users_router.post(
    "/{user_id}/items/", response_model=item_schemas.Item, status_code=status.HTTP_201_CREATED
)
def create_item_for_user(user_id: int, item: item_schemas.ItemCreate, db: Session = Depends(get_db)):
    if user_service.get_user(db, user_id=user_id) is None:
        raise HTTPException(status_code=404, detail="User not found")
    return item_service.create_user_item(db=db, item=item, user_id=user_id)
