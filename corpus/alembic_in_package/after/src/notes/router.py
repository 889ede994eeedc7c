from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from sqlalchemy.orm import Session

from src.config import settings
from src.database import get_db
from src.notes.models import Note
from src.notes.schemas import NoteCreate, NoteRead, NoteStats, NoteUpdate
from src.notes import service as note_service
from src.notes.service import NoteTooLongError
from src.users import service as user_service

router = APIRouter(prefix="/notes", tags=["notes"])


def get_note_or_404(note_id: int, db: Session = Depends(get_db)) -> Note:
    note = note_service.get_note(db, note_id)
    if note is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Note not found")
    return note


@router.post("/", response_model=NoteRead, status_code=status.HTTP_201_CREATED)
def create_note(note_in: NoteCreate, db: Session = Depends(get_db)):
    owner = user_service.get_user(db, note_in.owner_id)
    if owner is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Owner not found")
    try:
        return note_service.create_note(db, note_in, owner=owner)
    except NoteTooLongError as exc:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(exc))


@router.get("/", response_model=list[NoteRead])
def read_notes(
    owner_id: int | None = None,
    pinned: bool | None = None,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = settings.PAGE_SIZE,
    db: Session = Depends(get_db),
):
    return note_service.list_notes(db, owner_id=owner_id, pinned=pinned, skip=skip, limit=limit)


# Declared before /{note_id} so "stats" is not parsed as a note id.
@router.get("/stats", response_model=list[NoteStats])
def read_note_stats(
    min_notes: Annotated[int, Query(ge=0)] = 0,
    db: Session = Depends(get_db),
):
    """Number of notes per owner (raw SQL, see app/services/sql/note_stats.sql)."""
    return note_service.note_stats(db, min_notes=min_notes)


@router.get("/{note_id}", response_model=NoteRead)
def read_note(note: Note = Depends(get_note_or_404)):
    return note


@router.patch("/{note_id}", response_model=NoteRead)
def update_note(
    note_in: NoteUpdate,
    note: Note = Depends(get_note_or_404),
    db: Session = Depends(get_db),
):
    try:
        return note_service.update_note(db, note, note_in)
    except NoteTooLongError as exc:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(exc))


@router.delete("/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_note(note: Note = Depends(get_note_or_404), db: Session = Depends(get_db)) -> Response:
    note_service.delete_note(db, note)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
