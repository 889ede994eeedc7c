from pydantic import BaseModel, ConfigDict, Field

from src.authors.schemas import AuthorRead


class BookBase(BaseModel):
    title: str = Field(min_length=1, max_length=255)
    isbn: str = Field(pattern=r"^\d{10}(\d{3})?$", description="ISBN-10 or ISBN-13, digits only")
    published_year: int | None = Field(default=None, ge=1450, le=2100)
    price: float = Field(default=0, ge=0)


class BookCreate(BookBase):
    author_id: int = Field(ge=1)


class BookUpdate(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=255)
    published_year: int | None = Field(default=None, ge=1450, le=2100)
    price: float | None = Field(default=None, ge=0)


class BookRead(BookBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    author_id: int


class BookDetail(BookRead):
    author: AuthorRead
