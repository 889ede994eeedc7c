from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, status
from sqlalchemy.orm import Session

from app.crud import crud_project, crud_user

from ...crud import crud_ticket
from ...models.ticket import Ticket
from ...schemas.ticket import (
    TicketAssign,
    TicketCreate,
    TicketDetail,
    TicketRead,
    TicketStatusUpdate,
)
from ..deps import SessionDep

router = APIRouter(prefix="/tickets", tags=["tickets"])

TicketId = Annotated[int, Path(ge=1)]


def get_ticket_or_404(db: Session, ticket_id: int) -> Ticket:
    ticket = crud_ticket.get_ticket(db, ticket_id)
    if ticket is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Ticket not found")
    return ticket


@router.get("/", response_model=list[TicketRead])
def read_tickets(
    db: SessionDep,
    project_id: Annotated[int | None, Query(ge=1)] = None,
    assignee_id: Annotated[int | None, Query(ge=1)] = None,
) -> Any:
    return crud_ticket.list_tickets(db, project_id=project_id, assignee_id=assignee_id)


@router.post("/", response_model=TicketRead, status_code=status.HTTP_201_CREATED)
def create_ticket(db: SessionDep, ticket_in: TicketCreate) -> Any:
    if crud_project.get_project(db, ticket_in.project_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Project not found")
    assignee_id = ticket_in.assignee_id
    if assignee_id is not None and crud_user.get_user(db, assignee_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Assignee not found")
    return crud_ticket.create_ticket(db, ticket_in)


@router.get("/{ticket_id}", response_model=TicketDetail)
def read_ticket(db: SessionDep, ticket_id: TicketId) -> Any:
    return get_ticket_or_404(db, ticket_id)


@router.put("/{ticket_id}/assignee", response_model=TicketRead)
def assign_ticket(db: SessionDep, ticket_id: TicketId, body: TicketAssign) -> Any:
    ticket = get_ticket_or_404(db, ticket_id)
    assigned = crud_ticket.assign_ticket(db, ticket, body.assignee_id)
    if assigned is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Assignee not found")
    return assigned


@router.patch("/{ticket_id}/status", response_model=TicketRead)
def update_status(db: SessionDep, ticket_id: TicketId, body: TicketStatusUpdate) -> Any:
    ticket = get_ticket_or_404(db, ticket_id)
    return crud_ticket.set_status(db, ticket, body.status)
