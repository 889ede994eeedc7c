from typing import Annotated

from fastapi import Depends, HTTPException, Path, status
from sqlmodel import Session

from src.database import get_session
from src.heroes.service import get_hero
from src.heroes.models import Hero

SessionDep = Annotated[Session, Depends(get_session)]


def get_hero_or_404(session: SessionDep, hero_id: Annotated[int, Path(ge=1)]) -> Hero:
    """Path dependency shared by every endpoint that addresses one hero."""
    hero = get_hero(session, hero_id)
    if hero is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Hero not found")
    return hero


HeroDep = Annotated[Hero, Depends(get_hero_or_404)]
