from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status
from sqlalchemy.orm import Session

from src.config import settings
from src.database import get_db
from src.orders.models import Order, OrderStatus
from src.orders.schemas import OrderCreate
from src.orders.responses import OrderDetailResponse, OrderResponse
from src.orders import service as order_service
from src.orders.service import OrderError

router = APIRouter(prefix="/orders", tags=["orders"])

SessionDep = Annotated[Session, Depends(get_db)]
OrderId = Annotated[int, Path(ge=1, description="Order identifier")]


def _get_order_or_404(db: Session, order_id: int) -> Order:
    order = order_service.get_order(db, order_id)
    if order is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Order not found")
    return order


@router.get("/", response_model=list[OrderResponse])
def read_orders(
    db: SessionDep,
    status_filter: Annotated[OrderStatus | None, Query(alias="status")] = None,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=settings.MAX_PAGE_SIZE)] = settings.DEFAULT_PAGE_SIZE,
) -> Any:
    return order_service.list_orders(db, status=status_filter, skip=skip, limit=limit)


@router.post("/", response_model=OrderResponse, status_code=status.HTTP_201_CREATED)
def create_order(order_in: OrderCreate, db: SessionDep) -> Any:
    try:
        order = order_service.create_order(db, order_in)
    except OrderError as exc:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail=str(exc)) from exc
    if order is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return order


@router.get("/{order_id}", response_model=OrderDetailResponse)
def read_order(order_id: OrderId, db: SessionDep) -> Any:
    return _get_order_or_404(db, order_id)


@router.post("/{order_id}/pay", response_model=OrderResponse)
def pay_order(order_id: OrderId, db: SessionDep) -> Any:
    order = _get_order_or_404(db, order_id)
    try:
        return order_service.pay_order(db, order)
    except OrderError as exc:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=str(exc)) from exc


@router.post("/{order_id}/cancel", response_model=OrderResponse)
def cancel_order(order_id: OrderId, db: SessionDep) -> Any:
    order = _get_order_or_404(db, order_id)
    try:
        return order_service.cancel_order(db, order)
    except OrderError as exc:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=str(exc)) from exc
