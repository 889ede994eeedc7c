"""Pydantic schemas for the whole API.

Response schemas reuse the ORM class names (`User`, `Item`, `Tag`), exactly like the
FastAPI SQL tutorial; always refer to them as `schemas.User` next to `models.User`.
"""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from src.items.schemas import Item


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
