from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

# email-validator is not a dependency: a light sanity check is enough here.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class AuthorBase(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    email: str = Field(pattern=EMAIL_PATTERN, max_length=255)
    bio: str | None = None


class AuthorCreate(AuthorBase):
    password: str = Field(min_length=8)


class AuthorUpdate(BaseModel):
    """Partial update: every field is optional."""

    name: str | None = Field(default=None, min_length=1, max_length=120)
    bio: str | None = None
    password: str | None = Field(default=None, min_length=8)


class AuthorRead(AuthorBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime


class AuthorBook(BaseModel):
    """Compact book entry embedded in an author's detail page."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    published_year: int | None = None


class AuthorDetail(AuthorRead):
    books: list[AuthorBook] = []


class AuthorLogin(BaseModel):
    email: str
    password: str
