from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from src.users.schemas import UserRead

from src.products.schemas import ProductRead


class OrderLineCreate(BaseModel):
    product_id: int
    quantity: int = Field(gt=0, le=1000)


class OrderCreate(BaseModel):
    user_id: int
    lines: list[OrderLineCreate] = Field(min_length=1)


class OrderLineRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    quantity: int
    unit_price_cents: int
    subtotal_cents: int
    # Nested product snapshot so clients don't need a second round trip.
    product: ProductRead


class OrderRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    status: str
    created_at: datetime
    user: UserRead
    lines: list[OrderLineRead]
    total_cents: int
