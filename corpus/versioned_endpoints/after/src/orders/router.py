from typing import Any

from fastapi import APIRouter, Depends, status

from src.exceptions import NotFoundError
from src.orders.service import OrderRepository
from src.orders.schemas import OrderCreate, OrderRead
from src.dependencies import get_order_repository

router = APIRouter(prefix="/orders", tags=["orders"])

# Documented here so the OpenAPI schema lists the domain error responses.
ORDER_ERRORS: dict[int | str, dict[str, Any]] = {
    status.HTTP_404_NOT_FOUND: {"description": "User or product not found"},
    status.HTTP_409_CONFLICT: {"description": "Not enough stock for a line"},
}


@router.post(
    "/",
    response_model=OrderRead,
    status_code=status.HTTP_201_CREATED,
    responses=ORDER_ERRORS,
)
def place_order(
    order_in: OrderCreate,
    orders: OrderRepository = Depends(get_order_repository),
) -> Any:
    """Place an order; stock is reserved for every line or for none."""
    return orders.create(order_in)


@router.get("/{order_id}", response_model=OrderRead)
def read_order(
    order_id: int,
    orders: OrderRepository = Depends(get_order_repository),
) -> Any:
    order = orders.get(order_id)
    if order is None:
        raise NotFoundError("Order", order_id)
    return order
