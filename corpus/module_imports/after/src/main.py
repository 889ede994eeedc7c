"""ASGI entry point: builds the FastAPI application and mounts the routers."""
from fastapi import FastAPI

from src.config import get_settings
from src.comments import router as comments
from src.posts import router as posts
from src.users import router as users

settings = get_settings()

app = FastAPI(title=settings.app_name, version="0.1.0")

app.include_router(users.router)
app.include_router(posts.router)
app.include_router(comments.router)


@app.get("/health", tags=["health"])
def health() -> dict[str, str]:
    return {"status": "ok"}
