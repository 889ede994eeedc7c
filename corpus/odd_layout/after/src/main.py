from fastapi import FastAPI

from src.api import api_router
from src.config import settings

app = FastAPI(
    title=settings.PROJECT_NAME,
    version=settings.VERSION,
    description="Users and the orders they place.",
)

app.include_router(api_router)


@app.get("/health", tags=["health"])
def health() -> dict[str, str]:
    """Liveness probe for the load balancer."""
    return {"status": "ok"}
