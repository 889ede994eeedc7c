"""Version 1 of the public API: every domain router hangs off /api/v1."""

from fastapi import APIRouter

from app.api.v1.orders import orders
from app.api.v1.users.users import router as users_router

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(users_router)
api_router.include_router(orders.router)
