from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status

from src import dependencies as deps
from src.config import settings
from src.orders.service import OrderRepository
from src.users.service import UserRepository
from src.orders.schemas import OrderRead
from src.users.schemas import UserCreate, UserRead

router = APIRouter(prefix="/users", tags=["users"])


@router.post("/", response_model=UserRead, status_code=status.HTTP_201_CREATED)
def create_user(
    user_in: UserCreate,
    users: Annotated[UserRepository, Depends(deps.get_user_repository)],
) -> Any:
    if users.get_by_email(user_in.email.lower()) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="Email already registered")
    return users.create(user_in)


@router.get("/", response_model=list[UserRead])
def list_users(
    users: Annotated[UserRepository, Depends(deps.get_user_repository)],
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=settings.MAX_PAGE_SIZE)] = 50,
) -> Any:
    return users.list(skip=skip, limit=limit)


@router.get("/{user_id}", response_model=UserRead)
def read_user(
    user_id: int,
    users: Annotated[UserRepository, Depends(deps.get_user_repository)],
) -> Any:
    return users.get_or_raise(user_id)


@router.get("/{user_id}/orders", response_model=list[OrderRead])
def list_user_orders(
    user_id: int,
    users: Annotated[UserRepository, Depends(deps.get_user_repository)],
    orders: Annotated[OrderRepository, Depends(deps.get_order_repository)],
) -> Any:
    """Order history for one customer, oldest first."""
    users.get_or_raise(user_id)  # 404 for unknown users rather than an empty list
    return orders.list_for_user(user_id)
