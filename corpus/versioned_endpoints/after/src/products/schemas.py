from pydantic import BaseModel, ConfigDict, Field


class ProductBase(BaseModel):
    sku: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=255)
    price_cents: int = Field(ge=0, description="Unit price in cents")


class ProductCreate(ProductBase):
    stock: int = Field(default=0, ge=0)


class ProductStockUpdate(BaseModel):
    """Absolute stock level, e.g. after a warehouse count."""

    stock: int = Field(ge=0)


class ProductRead(ProductBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    stock: int
