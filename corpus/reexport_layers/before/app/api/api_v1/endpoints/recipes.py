from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Response, status
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api import deps

router = APIRouter()


def get_owned_recipe(db: Session, id: int, current_user: models.User) -> models.Recipe:
    recipe = crud.recipe.get(db, id=id)
    if recipe is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Recipe not found")
    if recipe.owner_id != current_user.id:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Not enough permissions")
    return recipe


@router.get("/", response_model=list[schemas.Recipe])
def read_recipes(db: Session = Depends(deps.get_db), skip: int = 0, limit: int = 100) -> Any:
    return crud.recipe.get_multi(db, skip=skip, limit=limit)


@router.post("/", response_model=schemas.Recipe, status_code=status.HTTP_201_CREATED)
def create_recipe(
    *,
    db: Session = Depends(deps.get_db),
    recipe_in: schemas.RecipeCreate,
    current_user: models.User = Depends(deps.get_current_user),
) -> Any:
    tags = crud.tag.get_or_create_many(db, names=recipe_in.tags)
    return crud.recipe.create_with_owner(
        db, obj_in=recipe_in, owner_id=current_user.id, tags=tags
    )


@router.get("/{id}", response_model=schemas.Recipe)
def read_recipe(*, db: Session = Depends(deps.get_db), id: int) -> Any:
    recipe = crud.recipe.get(db, id=id)
    if recipe is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Recipe not found")
    return recipe


@router.put("/{id}", response_model=schemas.Recipe)
def update_recipe(
    *,
    db: Session = Depends(deps.get_db),
    id: int,
    recipe_in: schemas.RecipeUpdate,
    current_user: models.User = Depends(deps.get_current_user),
) -> Any:
    recipe = get_owned_recipe(db, id, current_user)
    data = recipe_in.model_dump(exclude_unset=True, exclude={"tags"})
    if recipe_in.tags is not None:
        data["tags"] = crud.tag.get_or_create_many(db, names=recipe_in.tags)
    return crud.recipe.update(db, db_obj=recipe, obj_in=data)


@router.delete("/{id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_recipe(
    *,
    db: Session = Depends(deps.get_db),
    id: int,
    current_user: models.User = Depends(deps.get_current_user),
) -> Response:
    get_owned_recipe(db, id, current_user)
    crud.recipe.remove(db, id=id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
