from pydantic import BaseModel, ConfigDict, Field

from app.schemas.user import UserPublic


class ItemBase(BaseModel):
    title: str = Field(min_length=1, max_length=255)
    description: str | None = Field(default=None, max_length=1024)


class ItemCreate(ItemBase):
    pass


class ItemUpdate(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=255)
    description: str | None = Field(default=None, max_length=1024)


class ItemPublic(ItemBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner_id: int


class ItemWithOwner(ItemPublic):
    """Item detail view with the owning user embedded."""

    owner: UserPublic


class ItemsPublic(BaseModel):
    data: list[ItemPublic]
    count: int
