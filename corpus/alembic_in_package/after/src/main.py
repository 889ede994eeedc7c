import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from src.config import settings
from src.notes import router as notes
from src.users import router as users

logger = logging.getLogger(__name__)

# The release number lives in the VERSION file at the project root (app/main.py -> app -> root).
VERSION_FILE = Path(__file__).resolve().parents[1] / "VERSION"
APP_VERSION = VERSION_FILE.read_text(encoding="utf-8").strip()


@asynccontextmanager
async def lifespan(app: FastAPI):
    # Tables are NOT created here: run `alembic upgrade head` (alembic.ini at the project root).
    logger.info("Starting %s %s", settings.APP_NAME, APP_VERSION)
    yield
    logger.info("Stopping %s", settings.APP_NAME)


app = FastAPI(
    title=settings.APP_NAME,
    version=APP_VERSION,
    description="Users keep short notes; notes can be pinned.",
    lifespan=lifespan,
)

app.include_router(users.router)
app.include_router(notes.router)


@app.get("/health", tags=["meta"])
def health_check() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/info", tags=["meta"])
def app_info() -> dict[str, str | int]:
    """Application name and version, plus the configured note size limit."""
    return {
        "app_name": settings.APP_NAME,
        "version": APP_VERSION,
        "note_max_length": settings.NOTE_MAX_LENGTH,
    }
