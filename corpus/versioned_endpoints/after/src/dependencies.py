from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from src.database import get_db
from src.orders.service import OrderRepository
from src.products.service import ProductRepository
from src.users.service import UserRepository

# Re-exported so endpoints (and test overrides) share one session dependency.
SessionDep = Annotated[Session, Depends(get_db)]


def get_user_repository(db: SessionDep) -> UserRepository:
    return UserRepository(db)


def get_product_repository(db: SessionDep) -> ProductRepository:
    return ProductRepository(db)


def get_order_repository(db: SessionDep) -> OrderRepository:
    return OrderRepository(db)


UserRepoDep = Annotated[UserRepository, Depends(get_user_repository)]
ProductRepoDep = Annotated[ProductRepository, Depends(get_product_repository)]
OrderRepoDep = Annotated[OrderRepository, Depends(get_order_repository)]

__all__ = [
    "OrderRepoDep",
    "ProductRepoDep",
    "SessionDep",
    "UserRepoDep",
    "get_db",
    "get_order_repository",
    "get_product_repository",
    "get_user_repository",
]
