from fastapi import Request, status
from fastapi.responses import JSONResponse


class ShopError(Exception):
    """Base class for domain errors that map onto HTTP responses."""


class NotFoundError(ShopError):
    def __init__(self, entity: str, entity_id: int) -> None:
        self.entity = entity
        self.entity_id = entity_id
        super().__init__(f"{entity} {entity_id} not found")


class OutOfStockError(ShopError):
    def __init__(self, product_id: int, requested: int, available: int) -> None:
        self.product_id = product_id
        self.requested = requested
        self.available = available
        super().__init__(
            f"Product {product_id} has {available} in stock, {requested} requested"
        )


async def not_found_handler(request: Request, exc: NotFoundError) -> JSONResponse:
    return JSONResponse(status_code=status.HTTP_404_NOT_FOUND, content={"detail": str(exc)})


async def out_of_stock_handler(request: Request, exc: OutOfStockError) -> JSONResponse:
    # Include the numbers so clients can offer the customer a smaller quantity.
    return JSONResponse(
        status_code=status.HTTP_409_CONFLICT,
        content={
            "detail": str(exc),
            "product_id": exc.product_id,
            "available": exc.available,
        },
    )
