from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from sqlalchemy.orm import Session

from src.config import settings
from src.database import get_db
from src.orders.models import OrderStatus
from src.users.models import User
from src.users.schemas import UserCreate, UserUpdate
from src.orders.responses import OrderResponse
from src.users.responses import UserResponse, UserSpending
from src.orders import service as order_service
from src.users import service as user_service

router = APIRouter(prefix="/users", tags=["users"])


def get_user_or_404(user_id: int, db: Session = Depends(get_db)) -> User:
    """Path dependency shared by every /users/{user_id} endpoint."""
    user = user_service.get_user(db, user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return user


@router.get("/", response_model=list[UserResponse])
def read_users(
    skip: int = Query(0, ge=0),
    limit: int = Query(settings.DEFAULT_PAGE_SIZE, ge=1, le=settings.MAX_PAGE_SIZE),
    db: Session = Depends(get_db),
) -> Any:
    return user_service.list_users(db, skip=skip, limit=limit)


@router.post("/", response_model=UserResponse, status_code=status.HTTP_201_CREATED)
def create_user(user_in: UserCreate, db: Session = Depends(get_db)) -> Any:
    if user_service.get_user_by_email(db, user_in.email) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail="A user with this email already exists",
        )
    return user_service.create_user(db, user_in)


@router.get("/{user_id}", response_model=UserResponse)
def read_user(user: User = Depends(get_user_or_404)) -> Any:
    return user


@router.patch("/{user_id}", response_model=UserResponse)
def update_user(
    user_in: UserUpdate, user: User = Depends(get_user_or_404), db: Session = Depends(get_db)
) -> Any:
    return user_service.update_user(db, user, user_in)


@router.delete("/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_user(user: User = Depends(get_user_or_404), db: Session = Depends(get_db)) -> Response:
    user_service.delete_user(db, user)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{user_id}/orders", response_model=list[OrderResponse])
def read_user_orders(
    status_filter: OrderStatus | None = Query(None, alias="status"),
    user: User = Depends(get_user_or_404),
    db: Session = Depends(get_db),
) -> Any:
    return order_service.list_orders(db, user_id=user.id, status=status_filter)


@router.get("/{user_id}/spending", response_model=UserSpending)
def read_user_spending(
    user: User = Depends(get_user_or_404), db: Session = Depends(get_db)
) -> Any:
    paid = order_service.list_orders(db, user_id=user.id, status=OrderStatus.paid)
    return UserSpending(
        user_id=user.id,
        paid_orders=len(paid),
        total_spent=order_service.total_spent(db, user),
    )
