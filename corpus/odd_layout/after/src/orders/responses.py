from datetime import datetime

from src.orders.models import OrderStatus
from src.pydantic_models import Money, ORMModel
from src.users.responses import UserBrief


class OrderResponse(ORMModel):
    id: int
    user_id: int
    item: str
    quantity: int
    unit_price: Money
    total: Money
    status: OrderStatus
    created_at: datetime


class OrderDetailResponse(OrderResponse):
    """Single-order view, with the customer embedded."""

    user: UserBrief
