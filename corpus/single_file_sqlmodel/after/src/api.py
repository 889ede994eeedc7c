from fastapi import APIRouter

from src.items import router as items
from src.login import router as login
from src.users import router as users

api_router = APIRouter()
api_router.include_router(login.router)
api_router.include_router(users.router)
api_router.include_router(items.router)
