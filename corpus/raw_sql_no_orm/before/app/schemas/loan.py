from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, computed_field

# Good enough for a library card; no DNS lookups.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class LoanCreate(BaseModel):
    book_id: int
    member_email: str = Field(pattern=EMAIL_PATTERN, max_length=254)


class LoanRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    book_id: int
    member_email: str
    loaned_at: datetime
    due_at: datetime
    returned_at: datetime | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def is_active(self) -> bool:
        return self.returned_at is None
