from pydantic import BaseModel, ConfigDict, Field


class ItemCreate(BaseModel):
    title: str = Field(min_length=1, max_length=255)
    description: str | None = Field(default=None, max_length=1024)


class ItemPublic(ItemCreate):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner: str


class ItemsPublic(BaseModel):
    data: list[ItemPublic]
    count: int
