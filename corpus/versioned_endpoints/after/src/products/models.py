from typing import TYPE_CHECKING

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.base_class import Base, IdMixin

if TYPE_CHECKING:
    from src.orders.models import OrderLine


class Product(IdMixin, Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(255))
    # Money is stored as integer cents to avoid floating point rounding.
    price_cents: Mapped[int]
    stock: Mapped[int] = mapped_column(default=0)

    order_lines: Mapped[list["OrderLine"]] = relationship(back_populates="product")

    def has_stock(self, quantity: int) -> bool:
        return self.stock >= quantity

    def __repr__(self) -> str:
        return f"Product(id={self.id!r}, sku={self.sku!r})"
