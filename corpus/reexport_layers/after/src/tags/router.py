from typing import Any

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from src.recipes import service as recipe_service
from src.tags import service as tag_service
from src.users import models as user_models
from src.recipes import schemas as recipe_schemas
from src.tags import schemas as tag_schemas
from src import dependencies as deps

router = APIRouter()


@router.get("/", response_model=list[tag_schemas.Tag])
def read_tags(db: Session = Depends(deps.get_db), skip: int = 0, limit: int = 100) -> Any:
    return tag_service.tag.get_multi(db, skip=skip, limit=limit)


@router.post("/", response_model=tag_schemas.Tag, status_code=status.HTTP_201_CREATED)
def create_tag(
    *,
    db: Session = Depends(deps.get_db),
    tag_in: tag_schemas.TagCreate,
    current_user: user_models.User = Depends(deps.get_current_user),
) -> Any:
    """Any signed-in user may add a tag to the shared vocabulary."""
    if tag_service.tag.get_by_name(db, name=tag_in.name) is not None:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="Tag already exists")
    return tag_service.tag.create(db, obj_in=tag_in)


@router.get("/{name}/recipes", response_model=list[recipe_schemas.Recipe])
def read_tag_recipes(
    name: str, db: Session = Depends(deps.get_db), skip: int = 0, limit: int = 100
) -> Any:
    tag = tag_service.tag.get_by_name(db, name=name.strip().lower())
    if tag is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Tag not found")
    return recipe_service.recipe.get_multi_by_tag(db, tag_id=tag.id, skip=skip, limit=limit)
