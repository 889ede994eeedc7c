from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status

from ....core.config import settings
from ....schemas.product import ProductCreate, ProductRead, ProductStockUpdate
from ...deps import ProductRepoDep

router = APIRouter(prefix="/products", tags=["products"])


@router.post("/", response_model=ProductRead, status_code=status.HTTP_201_CREATED)
def create_product(product_in: ProductCreate, products: ProductRepoDep) -> Any:
    if products.get_by_sku(product_in.sku) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="SKU already exists")
    return products.create(product_in)


@router.get("/", response_model=list[ProductRead])
def list_products(
    products: ProductRepoDep,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=settings.MAX_PAGE_SIZE)] = 50,
    in_stock: bool = False,
) -> Any:
    return products.list(skip=skip, limit=limit, in_stock=in_stock)


@router.get("/{product_id}", response_model=ProductRead)
def read_product(product_id: int, products: ProductRepoDep) -> Any:
    return products.get_or_raise(product_id)


@router.put("/{product_id}/stock", response_model=ProductRead)
def update_stock(product_id: int, stock_in: ProductStockUpdate, products: ProductRepoDep) -> Any:
    product = products.get_or_raise(product_id)
    return products.set_stock(product, stock_in.stock)
