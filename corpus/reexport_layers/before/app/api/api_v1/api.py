from fastapi import APIRouter

from app.api.api_v1.endpoints import recipes, tags, users

api_router = APIRouter()
api_router.include_router(users.router, prefix="/users", tags=["users"])
api_router.include_router(recipes.router, prefix="/recipes", tags=["recipes"])
api_router.include_router(tags.router, prefix="/tags", tags=["tags"])
