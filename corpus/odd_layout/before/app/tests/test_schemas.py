from datetime import datetime, timezone
from decimal import Decimal

import pydantic
import pytest

from app.api.v1.router import api_router
from app.main import app
from app.models.order import Order, OrderStatus
from app.models.pydantic import ORMModel
from app.models.user import User
from app.schemas.requests.orders import OrderCreate
from app.schemas.requests.users import UserCreate
from app.schemas.responses.orders import OrderDetailResponse
from app.schemas.responses.users import UserResponse


def test_local_pydantic_module_does_not_shadow_the_library() -> None:
    # app/models/pydantic.py must build on the real library.
    assert issubclass(ORMModel, pydantic.BaseModel)
    assert ORMModel.model_config["from_attributes"] is True
    assert pydantic.__name__ == "pydantic"


def test_user_create_normalises_and_validates() -> None:
    user_in = UserCreate(email="  Bob@Example.ORG ", full_name=" Bob ", password="longenough")
    assert user_in.email == "bob@example.org"
    assert user_in.full_name == "Bob"
    with pytest.raises(pydantic.ValidationError):
        UserCreate(email="not-an-email", full_name="Bob", password="longenough")
    with pytest.raises(pydantic.ValidationError):
        UserCreate(email="bob@example.org", full_name="Bob", password="short")


@pytest.mark.parametrize("price", ["-1", "12.345", "123456789.00"])
def test_money_rejects_bad_prices(price: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        OrderCreate(user_id=1, item="Widget", unit_price=price)


def test_responses_read_orm_objects() -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    user = User(id=7, email="orm@example.com", full_name="Orm", is_active=True, created_at=now)
    order = Order(
        id=3,
        user_id=7,
        item="Chair",
        quantity=4,
        unit_price=Decimal("25.00"),
        status=OrderStatus.pending,
        created_at=now,
        user=user,
    )
    assert UserResponse.model_validate(user).email == "orm@example.com"
    detail = OrderDetailResponse.model_validate(order)
    assert detail.total == Decimal("100.00")
    dumped = detail.model_dump(mode="json")
    assert dumped["total"] == 100.0
    assert dumped["user"] == {"id": 7, "email": "orm@example.com"}


def test_v1_router_prefix_and_tags() -> None:
    assert api_router.prefix == "/api/v1"
    schema = app.openapi()
    paths = set(schema["paths"]) - {"/health"}
    assert "/api/v1/users/" in paths
    assert "/api/v1/orders/{order_id}/cancel" in paths
    assert all(path.startswith("/api/v1/") for path in paths)
    tags = {op["tags"][0] for path in paths for op in schema["paths"][path].values()}
    assert tags == {"users", "orders"}
