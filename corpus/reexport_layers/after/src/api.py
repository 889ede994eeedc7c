from fastapi import APIRouter

from src.recipes import router as recipes
from src.tags import router as tags
from src.users import router as users

api_router = APIRouter()
api_router.include_router(users.router, prefix="/users", tags=["users"])
api_router.include_router(recipes.router, prefix="/recipes", tags=["recipes"])
api_router.include_router(tags.router, prefix="/tags", tags=["tags"])
