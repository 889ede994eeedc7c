from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.core.config import settings
from app.models import User
from app.models.note import Note
from app.schemas.note import NoteCreate, NoteStats, NoteUpdate

# Raw SQL kept next to this module and loaded once at import time.
NOTE_STATS_SQL = (Path(__file__).parent / "sql" / "note_stats.sql").read_text(encoding="utf-8")


class NoteTooLongError(ValueError):
    """Raised when a note body exceeds settings.NOTE_MAX_LENGTH."""


def _check_body(body: str) -> None:
    if len(body) > settings.NOTE_MAX_LENGTH:
        raise NoteTooLongError(
            f"Note body is limited to {settings.NOTE_MAX_LENGTH} characters"
        )


def get_note(db: Session, note_id: int) -> Note | None:
    return db.get(Note, note_id)


def list_notes(
    db: Session,
    *,
    owner_id: int | None = None,
    pinned: bool | None = None,
    skip: int = 0,
    limit: int = 50,
) -> list[Note]:
    """List notes, pinned first, newest first within each group."""
    statement = select(Note).order_by(Note.is_pinned.desc(), Note.id.desc())
    if owner_id is not None:
        statement = statement.where(Note.owner_id == owner_id)
    if pinned is not None:
        statement = statement.where(Note.is_pinned == pinned)
    return list(db.scalars(statement.offset(skip).limit(limit)))


def create_note(db: Session, note_in: NoteCreate, owner: User) -> Note:
    _check_body(note_in.body)
    note = Note(
        title=note_in.title,
        body=note_in.body,
        is_pinned=note_in.is_pinned,
        owner=owner,
    )
    db.add(note)
    db.commit()
    db.refresh(note)
    return note


def update_note(db: Session, note: Note, note_in: NoteUpdate) -> Note:
    changes = note_in.model_dump(exclude_unset=True)
    if changes.get("body") is not None:
        _check_body(changes["body"])
    for field, value in changes.items():
        setattr(note, field, value)
    note.updated_at = datetime.now(timezone.utc)
    db.commit()
    db.refresh(note)
    return note


def delete_note(db: Session, note: Note) -> None:
    db.delete(note)
    db.commit()


def note_stats(db: Session, min_notes: int = 0) -> list[NoteStats]:
    """Per-owner note counts, computed by app/services/sql/note_stats.sql."""
    rows = db.execute(text(NOTE_STATS_SQL), {"min_notes": min_notes}).mappings()
    return [NoteStats.model_validate(dict(row)) for row in rows]
