"""Pydantic schemas for the whole API.

Response schemas reuse the ORM class names (`User`, `Item`, `Tag`), exactly like the
FastAPI SQL tutorial; always refer to them as `schemas.User` next to `models.User`.
"""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class Message(BaseModel):
    """Generic acknowledgement body, e.g. after a delete."""

    message: str


# --- tags -------------------------------------------------------------------


class TagBase(BaseModel):
    name: str = Field(min_length=1, max_length=50, pattern=r"^[a-z0-9-]+$")


class TagCreate(TagBase):
    pass


class Tag(TagBase):
    id: int

    model_config = ConfigDict(from_attributes=True)


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


# --- users ------------------------------------------------------------------


class UserBase(BaseModel):
    email: str = Field(max_length=255, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UserCreate(UserBase):
    password: str = Field(min_length=8)


class User(UserBase):
    id: int
    is_active: bool
    created_at: datetime
    items: list[Item] = []

    model_config = ConfigDict(from_attributes=True)
