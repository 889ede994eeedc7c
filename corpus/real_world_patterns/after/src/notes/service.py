from sqlalchemy import select
from sqlalchemy.orm import Session

from src.notes.models import Note
from src.notes.schemas import NotePayloadSchema


def post(db: Session, payload: NotePayloadSchema) -> int:
    note = Note(title=payload.title, body=payload.body)
    db.add(note)
    db.commit()
    return note.id


def get(db: Session, id: int) -> dict | None:
    note = db.get(Note, id)
    if note is None:
        return None
    return {"id": note.id, "title": note.title, "body": note.body}


def get_all(db: Session) -> list[dict]:
    notes = db.scalars(select(Note).order_by(Note.id))
    return [{"id": n.id, "title": n.title, "body": n.body} for n in notes]


def delete(db: Session, id: int) -> int | None:
    note = db.get(Note, id)
    if note is None:
        return None
    db.delete(note)
    db.commit()
    return id
