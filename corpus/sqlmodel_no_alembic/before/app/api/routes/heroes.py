from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status

from app.api.deps import HeroDep, SessionDep
from app.crud import hero as hero_crud
from app.crud.mission import list_missions_for_hero
from app.crud.team import get_team
from app.models.hero import HeroCreate, HeroPublic, HeroPublicWithTeam, HeroUpdate
from app.models.mission import MissionPublic

router = APIRouter(prefix="/heroes", tags=["heroes"])


def ensure_team_exists(session: SessionDep, team_id: int | None) -> None:
    if team_id is not None and get_team(session, team_id) is None:
        raise HTTPException(
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"Team {team_id} does not exist",
        )


@router.post("/", response_model=HeroPublic, status_code=status.HTTP_201_CREATED)
def create_hero(session: SessionDep, hero: HeroCreate) -> Any:
    if hero_crud.get_hero_by_name(session, hero.name) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="A hero with this name already exists"
        )
    ensure_team_exists(session, hero.team_id)
    return hero_crud.create_hero(session, hero)


@router.get("/", response_model=list[HeroPublic])
def read_heroes(
    session: SessionDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
    team_id: int | None = None,
    min_age: Annotated[int | None, Query(ge=0)] = None,
) -> Any:
    return hero_crud.list_heroes(
        session, offset=offset, limit=limit, team_id=team_id, min_age=min_age
    )


@router.get("/{hero_id}", response_model=HeroPublicWithTeam)
def read_hero(hero: HeroDep) -> Any:
    """One hero, with their team nested (or null)."""
    return hero


@router.patch("/{hero_id}", response_model=HeroPublic)
def update_hero(session: SessionDep, db_hero: HeroDep, hero: HeroUpdate) -> Any:
    if hero.name is not None and hero.name != db_hero.name:
        if hero_crud.get_hero_by_name(session, hero.name) is not None:
            raise HTTPException(
                status_code=status.HTTP_409_CONFLICT,
                detail="A hero with this name already exists",
            )
    if "team_id" in hero.model_fields_set:
        ensure_team_exists(session, hero.team_id)
    return hero_crud.update_hero(session, db_hero, hero)


@router.delete("/{hero_id}")
def delete_hero(session: SessionDep, hero: HeroDep) -> dict[str, bool]:
    hero_crud.delete_hero(session, hero)
    return {"ok": True}


@router.get("/{hero_id}/missions", response_model=list[MissionPublic])
def read_hero_missions(session: SessionDep, hero: HeroDep) -> Any:
    return list_missions_for_hero(session, hero.id)
