from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from src.orders.models import Order, OrderStatus
from src.users.models import User
from src.orders.schemas import OrderCreate
from src.users import service as user_service


class OrderError(Exception):
    """Business-rule violation; the routes turn it into an HTTP error."""


def get_order(db: Session, order_id: int) -> Order | None:
    return db.get(Order, order_id)


def list_orders(
    db: Session,
    *,
    status: OrderStatus | None = None,
    user_id: int | None = None,
    skip: int = 0,
    limit: int = 50,
) -> list[Order]:
    query = select(Order).order_by(Order.id)
    if status is not None:
        query = query.where(Order.status == status)
    if user_id is not None:
        query = query.where(Order.user_id == user_id)
    return list(db.scalars(query.offset(skip).limit(limit)))


def create_order(db: Session, order_in: OrderCreate) -> Order | None:
    """Place an order; None when the customer does not exist."""
    user = user_service.get_user(db, order_in.user_id)
    if user is None:
        return None
    if not user.is_active:
        raise OrderError("Inactive users cannot place orders")
    order = Order(**order_in.model_dump(), user=user)
    db.add(order)
    db.commit()
    db.refresh(order)
    return order


def _transition(db: Session, order: Order, new_status: OrderStatus) -> Order:
    if order.status is not OrderStatus.pending:
        raise OrderError(f"Order is already {order.status.value}")
    order.status = new_status
    db.commit()
    db.refresh(order)
    return order


def pay_order(db: Session, order: Order) -> Order:
    return _transition(db, order, OrderStatus.paid)


def cancel_order(db: Session, order: Order) -> Order:
    return _transition(db, order, OrderStatus.cancelled)


def total_spent(db: Session, user: User) -> Decimal:
    """Sum of the user's paid orders."""
    query = select(func.coalesce(func.sum(Order.unit_price * Order.quantity), 0)).where(
        Order.user_id == user.id, Order.status == OrderStatus.paid
    )
    return Decimal(str(db.scalar(query))).quantize(Decimal("0.01"))
