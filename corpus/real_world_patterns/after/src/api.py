from fastapi import APIRouter

from src.auth import router as auth
from src.items import router as items
from src.login import router as login
from src.utils_domain import router as utils

api_router = APIRouter()
api_router.include_router(login.router)
api_router.include_router(auth.router)
api_router.include_router(items.router)
api_router.include_router(utils.router)
