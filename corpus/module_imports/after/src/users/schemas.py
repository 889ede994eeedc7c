"""Pydantic schemas for users."""
from pydantic import BaseModel, ConfigDict, Field

# Deliberately loose: enough to reject obvious typos without extra dependencies.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class UserBase(BaseModel):
    username: str = Field(min_length=3, max_length=50, pattern=r"^[A-Za-z0-9_]+$")
    email: str = Field(max_length=255, pattern=EMAIL_PATTERN)
    full_name: str | None = Field(default=None, max_length=255)


class UserCreate(UserBase):
    pass


class UserRead(UserBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
