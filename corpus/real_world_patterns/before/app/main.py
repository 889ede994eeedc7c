from fastapi import FastAPI

from app.api import notes
from app.api.main import api_router
from app.core.config import settings

app = FastAPI(title=settings.PROJECT_NAME)
app.include_router(api_router, prefix=settings.API_V1_STR)
app.include_router(notes.router, prefix="/notes", tags=["notes"])
