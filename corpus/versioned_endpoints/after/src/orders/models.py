from datetime import UTC, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.base_class import Base, IdMixin
from src.products.models import Product
from src.users.models import User

ORDER_STATUS_PLACED = "placed"


def _utcnow() -> datetime:
    # Stored naive (UTC) because SQLite has no timezone-aware column type.
    return datetime.now(UTC).replace(tzinfo=None)


class Order(IdMixin, Base):
    __tablename__ = "orders"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ORDER_STATUS_PLACED)
    created_at: Mapped[datetime] = mapped_column(default=_utcnow)

    user: Mapped[User] = relationship(back_populates="orders")
    lines: Mapped[list["OrderLine"]] = relationship(
        back_populates="order", cascade="all, delete-orphan"
    )

    @property
    def total_cents(self) -> int:
        return sum(line.subtotal_cents for line in self.lines)


class OrderLine(IdMixin, Base):
    __tablename__ = "order_lines"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int]
    # Price is copied at order time so later price changes don't rewrite history.
    unit_price_cents: Mapped[int]

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship(back_populates="order_lines")

    @property
    def subtotal_cents(self) -> int:
        return self.quantity * self.unit_price_cents
