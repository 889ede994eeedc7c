from html import escape
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from app.core.config import settings
from app.db.session import get_db
from app.models import User
from app.schemas.note import NoteRead
from app.schemas.user import UserCreate, UserRead, UserUpdate
from app.services import note_service, user_service

router = APIRouter(prefix="/users", tags=["users"])

# HTML page shipped inside the package: app/routers -> app -> app/templates.
WELCOME_TEMPLATE = Path(__file__).parent.parent / "templates" / "welcome.html"


def get_user_or_404(user_id: int, db: Session = Depends(get_db)) -> User:
    user = user_service.get_user(db, user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return user


@router.post("/", response_model=UserRead, status_code=status.HTTP_201_CREATED)
def create_user(user_in: UserCreate, db: Session = Depends(get_db)):
    if user_service.get_user_by_email(db, user_in.email) is not None:
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST,
            detail="A user with this email already exists",
        )
    return user_service.create_user(db, user_in)


@router.get("/", response_model=list[UserRead])
def read_users(
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = settings.PAGE_SIZE,
    db: Session = Depends(get_db),
):
    return user_service.list_users(db, skip=skip, limit=limit)


@router.get("/{user_id}", response_model=UserRead)
def read_user(user: User = Depends(get_user_or_404)):
    return user


@router.patch("/{user_id}", response_model=UserRead)
def update_user(
    user_in: UserUpdate,
    user: User = Depends(get_user_or_404),
    db: Session = Depends(get_db),
):
    return user_service.update_user(db, user, user_in)


@router.delete("/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_user(user: User = Depends(get_user_or_404), db: Session = Depends(get_db)) -> Response:
    user_service.delete_user(db, user)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{user_id}/notes", response_model=list[NoteRead])
def read_user_notes(user: User = Depends(get_user_or_404), db: Session = Depends(get_db)):
    """All notes of one user, pinned first."""
    return note_service.list_notes(db, owner_id=user.id)


@router.get("/{user_id}/welcome", response_class=HTMLResponse)
def welcome_page(user: User = Depends(get_user_or_404)) -> HTMLResponse:
    """A small HTML welcome page, rendered with str.format (no template engine)."""
    template = WELCOME_TEMPLATE.read_text(encoding="utf-8")
    name = escape(user.full_name or user.email)
    return HTMLResponse(template.format(name=name))
