from fastapi import APIRouter

from src.heroes import router as heroes
from src.missions import router as missions
from src.teams import router as teams

api_router = APIRouter()
api_router.include_router(heroes.router)
api_router.include_router(teams.router)
api_router.include_router(missions.router)
