from pydantic import BaseModel, ConfigDict, Field

from .user import UserRead


class ProjectCreate(BaseModel):
    key: str = Field(min_length=2, max_length=10, pattern=r"^[A-Z][A-Z0-9]*$")
    name: str = Field(min_length=1, max_length=255)
    owner_id: int


class ProjectRead(ProjectCreate):
    model_config = ConfigDict(from_attributes=True)

    id: int


class ProjectDetail(ProjectRead):
    """Project view with the owner's profile embedded."""

    owner: UserRead
