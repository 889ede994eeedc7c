from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from src.users.service import UserRepository

from src.exceptions import NotFoundError, OutOfStockError
from src.orders.models import Order, OrderLine
from src.orders.schemas import OrderCreate
from src.products import service as product_service


class OrderRepository:
    """Places orders and reads them back with their lines and products."""

    def __init__(self, db: Session) -> None:
        self.db = db
        self.users = UserRepository(db)
        self.products = product_service.ProductRepository(db)

    def _query(self) -> Select:
        # Eager-load everything OrderRead nests to avoid N+1 lazy loads.
        return select(Order).options(
            selectinload(Order.user),
            selectinload(Order.lines).selectinload(OrderLine.product),
        )

    def get(self, order_id: int) -> Order | None:
        return self.db.scalar(self._query().where(Order.id == order_id))

    def get_or_raise(self, order_id: int) -> Order:
        order = self.get(order_id)
        if order is None:
            raise NotFoundError("Order", order_id)
        return order

    def list_for_user(self, user_id: int) -> Sequence[Order]:
        stmt = self._query().where(Order.user_id == user_id).order_by(Order.id)
        return self.db.scalars(stmt).all()

    def create(self, order_in: OrderCreate) -> Order:
        """Create an order, reserving stock; nothing is saved if any line fails."""
        user = self.users.get_or_raise(order_in.user_id)
        order = Order(user=user)
        try:
            for line_in in order_in.lines:
                product = self.products.get_or_raise(line_in.product_id)
                if not product.has_stock(line_in.quantity):
                    raise OutOfStockError(product.id, line_in.quantity, product.stock)
                product.stock -= line_in.quantity
                order.lines.append(
                    OrderLine(
                        product=product,
                        quantity=line_in.quantity,
                        unit_price_cents=product.price_cents,
                    )
                )
            self.db.add(order)
            self.db.commit()
        except (NotFoundError, OutOfStockError):
            # Undo any stock already decremented for earlier lines.
            self.db.rollback()
            raise
        return self.get_or_raise(order.id)
