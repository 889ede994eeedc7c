from fastapi import FastAPI

from api.routes import authors, books
from core.config import settings

app = FastAPI(
    title=settings.PROJECT_NAME,
    version=settings.VERSION,
    openapi_url=f"{settings.API_V1_STR}/openapi.json",
)

app.include_router(authors.router, prefix=settings.API_V1_STR)
app.include_router(books.router, prefix=settings.API_V1_STR)


@app.get("/health", tags=["health"])
def health() -> dict[str, str]:
    """Liveness probe used by the load balancer."""
    return {"status": "ok"}
