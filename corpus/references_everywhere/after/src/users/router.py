from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, status

from src.tickets import service as ticket_service
from src.users.service import create_user, get_user, get_user_by_email
from src.tickets.schemas import TicketRead
from src.users.schemas import UserCreate, UserRead
from src.dependencies import SessionDep

router = APIRouter(prefix="/users", tags=["users"])

UserId = Annotated[int, Path(ge=1)]


@router.post("/", response_model=UserRead, status_code=status.HTTP_201_CREATED)
def register_user(db: SessionDep, user_in: UserCreate) -> Any:
    if get_user_by_email(db, user_in.email) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT, detail="Email already registered"
        )
    return create_user(db, user_in)


@router.get("/{user_id}", response_model=UserRead)
def read_user(db: SessionDep, user_id: UserId) -> Any:
    user = get_user(db, user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return user


@router.get("/{user_id}/tickets", response_model=list[TicketRead])
def read_assigned_tickets(db: SessionDep, user_id: UserId) -> Any:
    """The tickets currently assigned to one user."""
    if get_user(db, user_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return ticket_service.list_tickets(db, assignee_id=user_id)
