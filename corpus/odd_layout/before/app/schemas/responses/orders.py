from datetime import datetime

from app.models.order import OrderStatus
from app.models.pydantic import Money, ORMModel
from app.schemas.responses.users import UserBrief


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
