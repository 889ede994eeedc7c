from fastapi import APIRouter

from .endpoints import orders, products, users

# Aggregates every v1 endpoint module; mounted under settings.API_V1_PREFIX.
api_router = APIRouter()
api_router.include_router(users.router)
api_router.include_router(products.router)
api_router.include_router(orders.router)
