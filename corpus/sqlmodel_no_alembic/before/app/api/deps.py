from typing import Annotated

from fastapi import Depends, HTTPException, Path, status
from sqlmodel import Session

from app.core.db import get_session
from app.crud.hero import get_hero
from app.models.hero import Hero

SessionDep = Annotated[Session, Depends(get_session)]


def get_hero_or_404(session: SessionDep, hero_id: Annotated[int, Path(ge=1)]) -> Hero:
    """Path dependency shared by every endpoint that addresses one hero."""
    hero = get_hero(session, hero_id)
    if hero is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Hero not found")
    return hero


HeroDep = Annotated[Hero, Depends(get_hero_or_404)]
