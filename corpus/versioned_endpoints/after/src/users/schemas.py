from pydantic import BaseModel, ConfigDict, Field


class UserBase(BaseModel):
    # A light pattern check keeps us free of the email-validator dependency.
    email: str = Field(max_length=255, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    full_name: str = Field(min_length=1, max_length=255)


class UserCreate(UserBase):
    pass


class UserRead(UserBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    is_active: bool
