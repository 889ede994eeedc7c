from typing import Any

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from src.recipes import service as recipe_service
from src.users import service as user_service
from src.users import models as user_models
from src.recipes import schemas as recipe_schemas
from src.users import schemas as user_schemas
from src import dependencies as deps

router = APIRouter()


@router.post("/", response_model=user_schemas.User, status_code=status.HTTP_201_CREATED)
def create_user(*, db: Session = Depends(deps.get_db), user_in: user_schemas.UserCreate) -> Any:
    """Sign up; no authentication required."""
    if user_service.user.get_by_email(db, email=user_in.email) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail="A user with this email already exists",
        )
    return user_service.user.create(db, obj_in=user_in)


@router.get("/me", response_model=user_schemas.User)
def read_user_me(current_user: user_models.User = Depends(deps.get_current_user)) -> Any:
    return current_user


@router.get("/{user_id}", response_model=user_schemas.User)
def read_user_by_id(user_id: int, db: Session = Depends(deps.get_db)) -> Any:
    user = user_service.user.get(db, id=user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return user


@router.get("/{user_id}/recipes", response_model=list[recipe_schemas.Recipe])
def read_user_recipes(
    user_id: int, db: Session = Depends(deps.get_db), skip: int = 0, limit: int = 100
) -> Any:
    if user_service.user.get(db, id=user_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return recipe_service.recipe.get_multi_by_owner(db, owner_id=user_id, skip=skip, limit=limit)
