from pydantic import BaseModel, ConfigDict, Field


class UserBase(BaseModel):
    email: str = Field(min_length=3, max_length=255, pattern=r"^[^@\s]+@[^@\s]+$")
    full_name: str | None = Field(default=None, max_length=255)


class UserCreate(UserBase):
    pass


class User(UserBase):
    """Public view of a user; shares its name with the ORM model on purpose."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    is_active: bool
