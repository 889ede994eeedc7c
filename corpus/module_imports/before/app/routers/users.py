"""HTTP endpoints for users."""
from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

import app.services.user_service as user_service
from app.database import get_session
from app.dependencies.pagination import Pagination
from app.schemas.user import UserCreate, UserRead

router = APIRouter(prefix="/users", tags=["users"])


@router.post("/", response_model=UserRead, status_code=status.HTTP_201_CREATED)
def create_user(payload: UserCreate, session: Session = Depends(get_session)):
    try:
        return user_service.create_user(session, payload)
    except user_service.UsernameTakenError:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="Username already taken"
        ) from None


@router.get("/", response_model=list[UserRead])
def list_users(
    pagination: Pagination = Depends(Pagination),
    session: Session = Depends(get_session),
):
    return user_service.list_users(session, skip=pagination.skip, limit=pagination.limit)


@router.get("/{user_id}", response_model=UserRead)
def read_user(user_id: int, session: Session = Depends(get_session)):
    db_user = user_service.get_user(session, user_id)
    if db_user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return db_user
