from typing import Any

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api import deps

router = APIRouter()


@router.post("/", response_model=schemas.User, status_code=status.HTTP_201_CREATED)
def create_user(*, db: Session = Depends(deps.get_db), user_in: schemas.UserCreate) -> Any:
    """Sign up; no authentication required."""
    if crud.user.get_by_email(db, email=user_in.email) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail="A user with this email already exists",
        )
    return crud.user.create(db, obj_in=user_in)


@router.get("/me", response_model=schemas.User)
def read_user_me(current_user: models.User = Depends(deps.get_current_user)) -> Any:
    return current_user


@router.get("/{user_id}", response_model=schemas.User)
def read_user_by_id(user_id: int, db: Session = Depends(deps.get_db)) -> Any:
    user = crud.user.get(db, id=user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return user


@router.get("/{user_id}/recipes", response_model=list[schemas.Recipe])
def read_user_recipes(
    user_id: int, db: Session = Depends(deps.get_db), skip: int = 0, limit: int = 100
) -> Any:
    if crud.user.get(db, id=user_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return crud.recipe.get_multi_by_owner(db, owner_id=user_id, skip=skip, limit=limit)
