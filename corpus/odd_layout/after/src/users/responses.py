from datetime import datetime

from src.pydantic_models import Money, ORMModel


class UserBrief(ORMModel):
    """The bits of a user embedded in other resources."""

    id: int
    email: str


class UserResponse(UserBrief):
    full_name: str
    is_active: bool
    created_at: datetime


class UserSpending(ORMModel):
    user_id: int
    paid_orders: int
    total_spent: Money
