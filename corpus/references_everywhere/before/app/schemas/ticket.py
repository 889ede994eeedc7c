from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.user import UserRead

from .project import ProjectRead

TicketStatus = Literal["open", "in_progress", "done"]


class TicketCreate(BaseModel):
    title: str = Field(min_length=1, max_length=255)
    description: str | None = Field(default=None, max_length=2000)
    project_id: int
    assignee_id: int | None = None


class TicketRead(TicketCreate):
    model_config = ConfigDict(from_attributes=True)

    id: int
    status: TicketStatus


class TicketDetail(TicketRead):
    """Ticket view with its project and assignee embedded."""

    project: ProjectRead
    assignee: UserRead | None


class TicketAssign(BaseModel):
    assignee_id: int


class TicketStatusUpdate(BaseModel):
    status: TicketStatus
