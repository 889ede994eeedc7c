from decimal import Decimal

import pytest

from src.orders.models import OrderStatus
from src.orders.schemas import OrderCreate
from src.users.schemas import UserCreate
from src.orders import service as order_service
from src.users import service as user_service
from src.orders.service import OrderError
from src.tests.conftest import ORDERS_URL, USERS_URL


def test_create_order_computes_total(client, create_user) -> None:
    user = create_user()
    payload = {"user_id": user["id"], "item": "USB-C cable", "quantity": 3, "unit_price": "4.50"}
    response = client.post(f"{ORDERS_URL}/", json=payload)
    assert response.status_code == 201, response.text
    order = response.json()
    assert order["status"] == "pending"
    assert order["unit_price"] == 4.5
    assert order["total"] == 13.5
    assert order["user_id"] == user["id"]


def test_order_detail_embeds_user(client, create_user, create_order) -> None:
    user = create_user(email="buyer@example.com")
    order = create_order(user)
    response = client.get(f"{ORDERS_URL}/{order['id']}")
    assert response.status_code == 200
    assert response.json()["user"] == {"id": user["id"], "email": "buyer@example.com"}
    assert client.get(f"{ORDERS_URL}/4242").status_code == 404


def test_order_for_missing_or_inactive_user(client, create_user) -> None:
    payload = {"user_id": 77, "item": "Ghost", "unit_price": "1.00"}
    response = client.post(f"{ORDERS_URL}/", json=payload)
    assert response.status_code == 404
    assert response.json() == {"detail": "User not found"}

    user = create_user()
    client.patch(f"{USERS_URL}/{user['id']}", json={"is_active": False})
    payload["user_id"] = user["id"]
    response = client.post(f"{ORDERS_URL}/", json=payload)
    assert response.status_code == 400
    assert response.json() == {"detail": "Inactive users cannot place orders"}


def test_pay_then_cancel_is_a_conflict(client, create_order) -> None:
    order = create_order()
    response = client.post(f"{ORDERS_URL}/{order['id']}/pay")
    assert response.status_code == 200
    assert response.json()["status"] == "paid"

    response = client.post(f"{ORDERS_URL}/{order['id']}/cancel")
    assert response.status_code == 409
    assert response.json() == {"detail": "Order is already paid"}
    assert client.post(f"{ORDERS_URL}/999/pay").status_code == 404


def test_filter_orders_by_status(client, create_user, create_order) -> None:
    user = create_user()
    first = create_order(user, item="first")
    second = create_order(user, item="second")
    create_order(item="someone else's")
    client.post(f"{ORDERS_URL}/{second['id']}/cancel")

    pending = client.get(f"{ORDERS_URL}/", params={"status": "pending"}).json()
    assert [o["item"] for o in pending] == ["first", "someone else's"]

    mine = client.get(f"{USERS_URL}/{user['id']}/orders").json()
    assert [o["id"] for o in mine] == [first["id"], second["id"]]
    cancelled = client.get(f"{USERS_URL}/{user['id']}/orders", params={"status": "cancelled"})
    assert [o["id"] for o in cancelled.json()] == [second["id"]]
    assert client.get(f"{ORDERS_URL}/", params={"status": "lost"}).status_code == 422


def test_user_spending_counts_paid_orders_only(client, create_user, create_order) -> None:
    user = create_user()
    paid = create_order(user, quantity=2, unit_price="10.25")
    create_order(user, unit_price="99.99")  # stays pending
    client.post(f"{ORDERS_URL}/{paid['id']}/pay")

    response = client.get(f"{USERS_URL}/{user['id']}/spending")
    assert response.status_code == 200
    assert response.json() == {"user_id": user["id"], "paid_orders": 1, "total_spent": 20.5}


def test_order_service_directly(db) -> None:
    user = user_service.create_user(
        db, UserCreate(email="svc@example.com", full_name="Service", password="password1")
    )
    order = order_service.create_order(
        db, OrderCreate(user_id=user.id, item="Desk lamp", quantity=2, unit_price=Decimal("15.00"))
    )
    assert order is not None
    assert order.total == Decimal("30.00")
    assert order_service.total_spent(db, user) == Decimal("0.00")

    order_service.cancel_order(db, order)
    assert order.status is OrderStatus.cancelled
    with pytest.raises(OrderError):
        order_service.pay_order(db, order)
    assert order_service.list_orders(db, status=OrderStatus.pending) == []
