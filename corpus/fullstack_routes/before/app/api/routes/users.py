from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status

from app.api.deps import CurrentUser, SessionDep, get_current_active_superuser
from app.crud import crud_user
from app.schemas.user import UserCreate, UserPublic, UsersPublic, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


@router.get(
    "/",
    response_model=UsersPublic,
    dependencies=[Depends(get_current_active_superuser)],
)
def read_users(
    db: SessionDep,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> Any:
    """List all users (superusers only)."""
    users = crud_user.get_users(db, skip=skip, limit=limit)
    data = [UserPublic.model_validate(user) for user in users]
    return UsersPublic(data=data, count=crud_user.count_users(db))


@router.post("/signup", response_model=UserPublic, status_code=status.HTTP_201_CREATED)
def register_user(db: SessionDep, user_in: UserCreate) -> Any:
    if crud_user.get_user_by_email(db, user_in.email) is not None:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail="A user with this email already exists",
        )
    return crud_user.create_user(db, user_in)


@router.get("/me", response_model=UserPublic)
def read_user_me(current_user: CurrentUser) -> Any:
    return current_user


@router.patch("/me", response_model=UserPublic)
def update_user_me(db: SessionDep, current_user: CurrentUser, user_in: UserUpdate) -> Any:
    if user_in.email is not None and user_in.email != current_user.email:
        if crud_user.get_user_by_email(db, user_in.email) is not None:
            raise HTTPException(
                status_code=status.HTTP_409_CONFLICT,
                detail="A user with this email already exists",
            )
    return crud_user.update_user(db, current_user, user_in)


@router.get("/{user_id}", response_model=UserPublic)
def read_user_by_id(
    db: SessionDep,
    current_user: CurrentUser,
    user_id: Annotated[int, Path(ge=1)],
) -> Any:
    """Users may read themselves; superusers may read anyone."""
    if user_id != current_user.id and not current_user.is_superuser:
        raise HTTPException(
            status_code=status.HTTP_403_FORBIDDEN,
            detail="The user doesn't have enough privileges",
        )
    user = crud_user.get_user(db, user_id)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return user
