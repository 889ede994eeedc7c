from pydantic import Field

from src.pydantic_models import Money, NonEmptyStr, StrictRequest


class OrderCreate(StrictRequest):
    user_id: int = Field(ge=1)
    item: NonEmptyStr
    quantity: int = Field(default=1, ge=1, le=100)
    unit_price: Money
