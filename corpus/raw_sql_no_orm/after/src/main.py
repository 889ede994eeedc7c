from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from src.config import settings
from src.database import init_db
from src.authors import router as authors
from src.books import router as books
from src.loans import router as loans


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
