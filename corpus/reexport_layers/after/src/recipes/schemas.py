from pydantic import BaseModel, ConfigDict, Field

from src.tags.schemas import Tag, TagName


class RecipeBase(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    description: str | None = None
    servings: int = Field(default=1, ge=1, le=100)


class RecipeCreate(RecipeBase):
    # Tag names; tags that do not exist yet are created on the fly.
    tags: list[TagName] = Field(default_factory=list, max_length=10)


class RecipeUpdate(BaseModel):
    # Every field is optional: only the provided ones are changed.
    title: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = None
    servings: int | None = Field(default=None, ge=1, le=100)
    tags: list[TagName] | None = Field(default=None, max_length=10)


class Recipe(RecipeBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner_id: int
    tags: list[Tag] = []
