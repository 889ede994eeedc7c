"""Pydantic schemas for comments."""
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from src.users.schemas import UserRead


class CommentCreate(BaseModel):
    body: str = Field(min_length=1, max_length=2000)
    author_id: int


class CommentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    body: str
    created_at: datetime
    post_id: int
    author: UserRead
