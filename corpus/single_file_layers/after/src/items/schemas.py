"""Pydantic schemas for the whole API.

Response schemas reuse the ORM class names (`User`, `Item`, `Tag`), exactly like the
FastAPI SQL tutorial; always refer to them as `schemas.User` next to `models.User`.
"""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from src.tags.schemas import Tag


# --- items ------------------------------------------------------------------


class ItemBase(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    description: str | None = None


class ItemCreate(ItemBase):
    pass


class Item(ItemBase):
    id: int
    owner_id: int
    created_at: datetime
    updated_at: datetime | None = None
    tags: list[Tag] = []

    model_config = ConfigDict(from_attributes=True)
