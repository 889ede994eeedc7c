"""Pydantic schemas for blog posts."""
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from src.users import schemas as user_schemas


class PostBase(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1)


class PostCreate(PostBase):
    author_id: int


class PostUpdate(BaseModel):
    # Every field is optional so clients can send partial updates.
    title: str | None = Field(default=None, min_length=1, max_length=200)
    body: str | None = Field(default=None, min_length=1)


class PostRead(PostBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    author: user_schemas.UserRead
