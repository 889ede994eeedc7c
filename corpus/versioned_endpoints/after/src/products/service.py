from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.exceptions import NotFoundError
from src.products.models import Product
from src.products.schemas import ProductCreate


class ProductRepository:
    """Data access for the product catalogue and its stock levels."""

    def __init__(self, db: Session) -> None:
        self.db = db

    def get(self, product_id: int) -> Product | None:
        return self.db.get(Product, product_id)

    def get_or_raise(self, product_id: int) -> Product:
        product = self.get(product_id)
        if product is None:
            raise NotFoundError("Product", product_id)
        return product

    def get_by_sku(self, sku: str) -> Product | None:
        return self.db.scalar(select(Product).where(Product.sku == sku))

    def list(self, *, skip: int = 0, limit: int = 100, in_stock: bool = False) -> Sequence[Product]:
        stmt = select(Product).order_by(Product.id).offset(skip).limit(limit)
        if in_stock:
            stmt = stmt.where(Product.stock > 0)
        return self.db.scalars(stmt).all()

    def create(self, product_in: ProductCreate) -> Product:
        product = Product(**product_in.model_dump())
        self.db.add(product)
        self.db.commit()
        self.db.refresh(product)
        return product

    def set_stock(self, product: Product, stock: int) -> Product:
        product.stock = stock
        self.db.commit()
        self.db.refresh(product)
        return product
