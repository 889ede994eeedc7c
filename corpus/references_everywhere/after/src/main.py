from fastapi import FastAPI

from src.projects import router as projects
from src.tickets import router as tickets
from src.users import router as users
from src.config import settings

app = FastAPI(title=settings.PROJECT_NAME)

app.include_router(users.router, prefix=settings.API_PREFIX)
app.include_router(projects.router, prefix=settings.API_PREFIX)
app.include_router(tickets.router, prefix=settings.API_PREFIX)


@app.get("/health", tags=["health"])
def health_check() -> dict[str, str]:
    return {"status": "ok"}
