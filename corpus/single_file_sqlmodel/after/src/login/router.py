from datetime import timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, status

from src.users import service as user_service
from src.dependencies import CurrentUser, SessionDep
from src.core import security
from src.config import settings
from src.login.models import LoginRequest, Token
from src.users.models import UserPublic

router = APIRouter(tags=["login"])


@router.post("/login/access-token")
def login_access_token(session: SessionDep, credentials: LoginRequest) -> Token:
    """
    Token login, get an access token for future requests
    """
    user = user_service.authenticate(
        session=session, email=credentials.username, password=credentials.password
    )
    if not user:
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST, detail="Incorrect email or password"
        )
    elif not user.is_active:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Inactive user")
    access_token_expires = timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    return Token(
        access_token=security.create_access_token(user.id, expires_delta=access_token_expires)
    )


@router.post("/login/test-token", response_model=UserPublic)
def test_token(current_user: CurrentUser) -> Any:
    """
    Test access token
    """
    return current_user
