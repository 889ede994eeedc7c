from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crud.base import CRUDBase
from app.models.recipe import Recipe
from app.models.tag import Tag
from app.schemas.recipe import RecipeCreate


class CRUDRecipe(CRUDBase[Recipe, RecipeCreate]):
    def create_with_owner(
        self, db: Session, *, obj_in: RecipeCreate, owner_id: int, tags: list[Tag]
    ) -> Recipe:
        # Tag names in the payload are resolved by the caller into Tag rows.
        data = obj_in.model_dump(exclude={"tags"})
        db_obj = Recipe(**data, owner_id=owner_id, tags=tags)
        db.add(db_obj)
        db.commit()
        db.refresh(db_obj)
        return db_obj

    def get_multi_by_owner(
        self, db: Session, *, owner_id: int, skip: int = 0, limit: int = 100
    ) -> list[Recipe]:
        statement = (
            select(Recipe)
            .where(Recipe.owner_id == owner_id)
            .order_by(Recipe.id)
            .offset(skip)
            .limit(limit)
        )
        return list(db.scalars(statement))

    def get_multi_by_tag(
        self, db: Session, *, tag_id: int, skip: int = 0, limit: int = 100
    ) -> list[Recipe]:
        statement = (
            select(Recipe)
            .join(Recipe.tags)
            .where(Tag.id == tag_id)
            .order_by(Recipe.id)
            .offset(skip)
            .limit(limit)
        )
        return list(db.scalars(statement))


recipe = CRUDRecipe(Recipe)
