from typing import Any

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api import deps

router = APIRouter()


@router.get("/", response_model=list[schemas.Tag])
def read_tags(db: Session = Depends(deps.get_db), skip: int = 0, limit: int = 100) -> Any:
    return crud.tag.get_multi(db, skip=skip, limit=limit)


@router.post("/", response_model=schemas.Tag, status_code=status.HTTP_201_CREATED)
def create_tag(
    *,
    db: Session = Depends(deps.get_db),
    tag_in: schemas.TagCreate,
    current_user: models.User = Depends(deps.get_current_user),
) -> Any:
    """Any signed-in user may add a tag to the shared vocabulary."""
    if crud.tag.get_by_name(db, name=tag_in.name) is not None:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="Tag already exists")
    return crud.tag.create(db, obj_in=tag_in)


@router.get("/{name}/recipes", response_model=list[schemas.Recipe])
def read_tag_recipes(
    name: str, db: Session = Depends(deps.get_db), skip: int = 0, limit: int = 100
) -> Any:
    tag = crud.tag.get_by_name(db, name=name.strip().lower())
    if tag is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Tag not found")
    return crud.recipe.get_multi_by_tag(db, tag_id=tag.id, skip=skip, limit=limit)
