from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status

import app.crud.mission as mission_crud
from app.api.deps import HeroDep, SessionDep
from app.models.mission import (
    Mission,
    MissionCreate,
    MissionPublic,
    MissionPublicWithHeroes,
    MissionStatus,
    MissionUpdate,
)

router = APIRouter(prefix="/missions", tags=["missions"])


def get_mission_or_404(session: SessionDep, mission_id: int) -> Mission:
    mission = mission_crud.get_mission(session, mission_id)
    if mission is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Mission not found")
    return mission


@router.post("/", response_model=MissionPublic, status_code=status.HTTP_201_CREATED)
def create_mission(session: SessionDep, mission: MissionCreate) -> Any:
    if mission_crud.get_mission_by_code(session, mission.code) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail=f"Mission code {mission.code!r} is already taken",
        )
    return mission_crud.create_mission(session, mission)


@router.get("/", response_model=list[MissionPublic])
def read_missions(
    session: SessionDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
    status: MissionStatus | None = None,
) -> Any:
    return mission_crud.list_missions(session, offset=offset, limit=limit, status=status)


@router.get("/{mission_id}", response_model=MissionPublicWithHeroes)
def read_mission(session: SessionDep, mission_id: int) -> Any:
    return get_mission_or_404(session, mission_id)


@router.patch("/{mission_id}", response_model=MissionPublic)
def update_mission(session: SessionDep, mission_id: int, mission: MissionUpdate) -> Any:
    db_mission = get_mission_or_404(session, mission_id)
    return mission_crud.update_mission(session, db_mission, mission)


@router.delete("/{mission_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_mission(session: SessionDep, mission_id: int) -> Response:
    mission_crud.delete_mission(session, get_mission_or_404(session, mission_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/{mission_id}/heroes/{hero_id}", response_model=MissionPublicWithHeroes)
def assign_hero(session: SessionDep, mission_id: int, hero: HeroDep) -> Any:
    """Assign a hero to a mission (idempotent)."""
    db_mission = get_mission_or_404(session, mission_id)
    if db_mission.status == MissionStatus.completed:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="Mission is already completed"
        )
    return mission_crud.assign_hero(session, db_mission, hero)


@router.delete("/{mission_id}/heroes/{hero_id}", response_model=MissionPublicWithHeroes)
def unassign_hero(session: SessionDep, mission_id: int, hero: HeroDep) -> Any:
    db_mission = get_mission_or_404(session, mission_id)
    if not mission_crud.unassign_hero(session, db_mission, hero):
        raise HTTPException(
            status_code=status.HTTP_404_NOT_FOUND, detail="Hero is not assigned to this mission"
        )
    return db_mission
