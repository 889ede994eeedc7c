from typing import TYPE_CHECKING

from sqlmodel import Field, Relationship, SQLModel

if TYPE_CHECKING:
    # hero.py imports this module at runtime; importing it back here would be circular.
    from app.models.hero import Hero


class TeamBase(SQLModel):
    name: str = Field(unique=True, min_length=1, max_length=100)
    headquarters: str = Field(max_length=200)


class Team(TeamBase, table=True):
    id: int | None = Field(default=None, primary_key=True)

    # "Hero" and "Hero.name" are looked up by name in the SQLModel registry once
    # every model module has been imported.
    heroes: list["Hero"] = Relationship(
        back_populates="team",
        sa_relationship_kwargs={"order_by": "Hero.name"},
    )


class TeamCreate(TeamBase):
    pass


class TeamPublic(TeamBase):
    id: int


class TeamUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    headquarters: str | None = Field(default=None, max_length=200)
