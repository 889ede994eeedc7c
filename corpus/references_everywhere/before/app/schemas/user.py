from pydantic import BaseModel, ConfigDict, Field


class UserCreate(BaseModel):
    # A light check on purpose: email-validator is not a dependency.
    email: str = Field(max_length=255, pattern=r"^[^@\s]+@[^@\s]+$")
    full_name: str = Field(min_length=1, max_length=255)


class UserRead(UserCreate):
    model_config = ConfigDict(from_attributes=True)

    id: int
