from fastapi import FastAPI

from src.api import api_router
from src.config import settings
from src.exceptions import (
    NotFoundError,
    OutOfStockError,
    not_found_handler,
    out_of_stock_handler,
)


def create_app() -> FastAPI:
    """Build the application; tests and the ASGI server share this factory."""
    application = FastAPI(
        title=settings.PROJECT_NAME,
        version=settings.VERSION,
        openapi_url=f"{settings.API_V1_PREFIX}/openapi.json",
    )

    # Domain errors raised by repositories become proper HTTP responses.
    application.add_exception_handler(NotFoundError, not_found_handler)
    application.add_exception_handler(OutOfStockError, out_of_stock_handler)

    application.include_router(api_router, prefix=settings.API_V1_PREFIX)

    @application.get("/health", tags=["health"])
    def health_check() -> dict[str, str]:
        return {"status": "ok"}

    return application


app = create_app()
