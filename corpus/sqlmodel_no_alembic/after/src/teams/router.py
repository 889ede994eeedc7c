from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status

from src.dependencies import SessionDep
from src.teams import service as team_crud
from src.heroes.models import HeroPublic
from src.teams.models import Team, TeamCreate, TeamPublic, TeamUpdate

router = APIRouter(prefix="/teams", tags=["teams"])


def get_team_or_404(session: SessionDep, team_id: int) -> Team:
    team = team_crud.get_team(session, team_id)
    if team is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Team not found")
    return team


TeamDep = Annotated[Team, Depends(get_team_or_404)]


@router.post("/", response_model=TeamPublic, status_code=status.HTTP_201_CREATED)
def create_team(session: SessionDep, team: TeamCreate) -> Any:
    if team_crud.get_team_by_name(session, team.name) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="A team with this name already exists"
        )
    return team_crud.create_team(session, team)


@router.get("/", response_model=list[TeamPublic])
def read_teams(
    session: SessionDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> Any:
    return team_crud.list_teams(session, offset=offset, limit=limit)


@router.get("/count")
def count_teams(session: SessionDep) -> dict[str, int]:
    return {"count": team_crud.count_teams(session)}


@router.get("/{team_id}", response_model=TeamPublic)
def read_team(team: TeamDep) -> Any:
    return team


@router.get("/{team_id}/heroes", response_model=list[HeroPublic])
def read_team_heroes(team: TeamDep) -> Any:
    """The team's members, ordered by name."""
    return team.heroes


@router.patch("/{team_id}", response_model=TeamPublic)
def update_team(session: SessionDep, db_team: TeamDep, team: TeamUpdate) -> Any:
    if team.name is not None and team.name != db_team.name:
        if team_crud.get_team_by_name(session, team.name) is not None:
            raise HTTPException(
                status_code=status.HTTP_409_CONFLICT,
                detail="A team with this name already exists",
            )
    return team_crud.update_team(session, db_team, team)


@router.delete("/{team_id}")
def delete_team(session: SessionDep, team: TeamDep) -> dict[str, bool]:
    team_crud.delete_team(session, team)
    return {"ok": True}
