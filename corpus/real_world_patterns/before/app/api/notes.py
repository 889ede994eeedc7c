from fastapi import APIRouter, HTTPException, Path

from app.api import crud
from app.api.deps import SessionDep
from app.models.pydantic import NotePayloadSchema, NoteResponseSchema

router = APIRouter()


@router.post("/", response_model=NoteResponseSchema, status_code=201)
def create_note(payload: NotePayloadSchema, db: SessionDep) -> NoteResponseSchema:
    note_id = crud.post(db, payload)
    return NoteResponseSchema(id=note_id, **payload.model_dump())


@router.get("/", response_model=list[NoteResponseSchema])
def read_all_notes(db: SessionDep) -> list[dict]:
    return crud.get_all(db)


@router.get("/{id}/", response_model=NoteResponseSchema)
def read_note(db: SessionDep, id: int = Path(..., gt=0)) -> dict:
    note = crud.get(db, id)
    if not note:
        raise HTTPException(status_code=404, detail="Note not found")
    return note


@router.delete("/{id}/", response_model=NoteResponseSchema)
def delete_note(db: SessionDep, id: int = Path(..., gt=0)) -> dict:
    note = crud.get(db, id)
    if not note:
        raise HTTPException(status_code=404, detail="Note not found")
    crud.delete(db, id)
    return note
