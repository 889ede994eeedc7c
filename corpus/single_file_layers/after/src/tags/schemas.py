"""Pydantic schemas for the whole API.

Response schemas reuse the ORM class names (`User`, `Item`, `Tag`), exactly like the
FastAPI SQL tutorial; always refer to them as `schemas.User` next to `models.User`.
"""

from pydantic import BaseModel, ConfigDict, Field


# --- tags -------------------------------------------------------------------


class TagBase(BaseModel):
    name: str = Field(min_length=1, max_length=50, pattern=r"^[a-z0-9-]+$")


class TagCreate(TagBase):
    pass


class Tag(TagBase):
    id: int

    model_config = ConfigDict(from_attributes=True)
