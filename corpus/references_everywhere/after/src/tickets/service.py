from sqlalchemy import select
from sqlalchemy.orm import Session

from src.notifications import send_email

from src.tickets.models import Ticket
from src.users.models import User
from src.tickets.schemas import TicketCreate, TicketStatus
from src.users import service as user_service


def get_ticket(db: Session, ticket_id: int) -> Ticket | None:
    return db.get(Ticket, ticket_id)


def list_tickets(
    db: Session, *, project_id: int | None = None, assignee_id: int | None = None
) -> list[Ticket]:
    statement = select(Ticket).order_by(Ticket.id)
    if project_id is not None:
        statement = statement.where(Ticket.project_id == project_id)
    if assignee_id is not None:
        statement = statement.where(Ticket.assignee_id == assignee_id)
    return list(db.scalars(statement))


def notify_assignee(ticket: Ticket, assignee: User) -> None:
    send_email(
        to=assignee.email,
        subject=f"[{ticket.project.key}-{ticket.id}] assigned to you",
        body=f"Hi {assignee.full_name}, you now own: {ticket.title}",
    )


def create_ticket(db: Session, ticket_in: TicketCreate) -> Ticket:
    """Create a ticket; the caller has checked its project and assignee exist."""
    ticket = Ticket(**ticket_in.model_dump())
    db.add(ticket)
    db.commit()
    db.refresh(ticket)
    if ticket.assignee is not None:
        notify_assignee(ticket, ticket.assignee)
    return ticket


def assign_ticket(db: Session, ticket: Ticket, assignee_id: int) -> Ticket | None:
    """Hand a ticket to a user and e-mail them; None when the user does not exist."""
    assignee = user_service.get_user(db, assignee_id)
    if assignee is None:
        return None
    ticket.assignee = assignee
    db.commit()
    db.refresh(ticket)
    notify_assignee(ticket, assignee)
    return ticket


def set_status(db: Session, ticket: Ticket, status: TicketStatus) -> Ticket:
    ticket.status = status
    db.commit()
    db.refresh(ticket)
    return ticket
