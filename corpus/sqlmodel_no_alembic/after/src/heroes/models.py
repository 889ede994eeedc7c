from typing import TYPE_CHECKING, Optional

from sqlmodel import Field, Relationship, SQLModel

from src.teams.models import TeamPublic

if TYPE_CHECKING:
    from src.missions.models import Mission
    from src.teams.models import Team


class HeroMissionLink(SQLModel, table=True):
    """Which heroes are assigned to which missions (many-to-many link table).

    It lives next to ``Hero`` because mission.py already imports this module;
    the reverse import would be circular.
    """

    hero_id: int | None = Field(
        default=None, foreign_key="hero.id", primary_key=True, ondelete="CASCADE"
    )
    mission_id: int | None = Field(
        default=None, foreign_key="mission.id", primary_key=True, ondelete="CASCADE"
    )


class HeroBase(SQLModel):
    name: str = Field(unique=True, min_length=1, max_length=100)
    secret_name: str
    age: int | None = Field(default=None, index=True, ge=0)

    team_id: int | None = Field(
        default=None, foreign_key="team.id", index=True, ondelete="SET NULL"
    )


class Hero(HeroBase, table=True):
    id: int | None = Field(default=None, primary_key=True)

    # NB: a quoted `"Team | None"` does not work here: SQLModel hands the whole string to
    # SQLAlchemy as a class name. Optional["Team"] keeps the forward reference on its own.
    team: Optional["Team"] = Relationship(back_populates="heroes")
    missions: list["Mission"] = Relationship(back_populates="heroes", link_model=HeroMissionLink)


class HeroCreate(HeroBase):
    pass


class HeroPublic(HeroBase):
    id: int


class HeroUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    secret_name: str | None = None
    age: int | None = Field(default=None, ge=0)
    team_id: int | None = None


class HeroPublicWithTeam(HeroPublic):
    team: TeamPublic | None = None
