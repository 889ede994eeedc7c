from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# "  Vegan " and "vegan" are the same tag.
TagName = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=50)
]


class TagBase(BaseModel):
    name: TagName


class TagCreate(TagBase):
    pass


class Tag(TagBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
