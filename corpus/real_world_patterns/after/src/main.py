from fastapi import FastAPI

from src.notes import router as notes
from src.api import api_router
from src.config import settings

app = FastAPI(title=settings.PROJECT_NAME)
app.include_router(api_router, prefix=settings.API_V1_STR)
app.include_router(notes.router, prefix="/notes", tags=["notes"])
