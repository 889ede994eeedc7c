from pydantic import BaseModel, ConfigDict, Field

from app.schemas.author import AuthorRead

# ISBN-10 or ISBN-13, digits only (a trailing X is allowed for ISBN-10).
ISBN_PATTERN = r"^(\d{9}[\dX]|\d{13})$"


class BookBase(BaseModel):
    title: str = Field(min_length=1, max_length=300)
    isbn: str = Field(pattern=ISBN_PATTERN, examples=["9780141439518"])
    published_year: int | None = Field(default=None, ge=0, le=2100)


class BookCreate(BookBase):
    author_id: int


class BookUpdate(BaseModel):
    """Partial update: only the fields that are sent are changed."""

    title: str | None = Field(default=None, min_length=1, max_length=300)
    published_year: int | None = Field(default=None, ge=0, le=2100)
    author_id: int | None = None


class BookRead(BookBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    author_id: int
    # Computed by the SQL query: no active loan for this book.
    available: bool


class BookDetail(BookRead):
    author: AuthorRead
