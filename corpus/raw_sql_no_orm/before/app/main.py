from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.core.config import settings
from app.db.connection import init_db
from app.routers import authors, books, loans


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # No migrations tool: schema.sql is idempotent and simply runs on start-up.
    init_db()
    yield


app = FastAPI(title=settings.PROJECT_NAME, lifespan=lifespan)

app.include_router(authors.router)
app.include_router(books.router)
app.include_router(loans.router)


@app.get("/health", tags=["health"])
def health_check() -> dict[str, str]:
    return {"status": "ok"}
