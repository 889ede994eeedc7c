from enum import Enum

from sqlmodel import Field, Relationship, SQLModel

from app.models.hero import Hero, HeroMissionLink, HeroPublic


class MissionStatus(str, Enum):
    planned = "planned"
    active = "active"
    completed = "completed"


class MissionBase(SQLModel):
    # Short public reference such as "OP-042".
    code: str = Field(unique=True, index=True, min_length=2, max_length=20)
    title: str = Field(max_length=200)
    description: str | None = None
    difficulty: int = Field(default=1, ge=1, le=5)
    status: MissionStatus = MissionStatus.planned


class Mission(MissionBase, table=True):
    id: int | None = Field(default=None, primary_key=True)

    heroes: list[Hero] = Relationship(
        back_populates="missions",
        link_model=HeroMissionLink,
        sa_relationship_kwargs={"order_by": "Hero.id"},
    )


class MissionCreate(MissionBase):
    pass


class MissionPublic(MissionBase):
    id: int


class MissionUpdate(SQLModel):
    title: str | None = Field(default=None, max_length=200)
    description: str | None = None
    difficulty: int | None = Field(default=None, ge=1, le=5)
    status: MissionStatus | None = None


class MissionPublicWithHeroes(MissionPublic):
    heroes: list[HeroPublic] = []
