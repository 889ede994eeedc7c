from pydantic import Field

from app.models.pydantic import Email, NonEmptyStr, StrictRequest


class UserCreate(StrictRequest):
    email: Email
    full_name: NonEmptyStr
    password: str = Field(min_length=8, max_length=128)


class UserUpdate(StrictRequest):
    """Partial update: only the fields that are sent are changed."""

    full_name: NonEmptyStr | None = None
    is_active: bool | None = None
