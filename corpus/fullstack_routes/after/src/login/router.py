from datetime import timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, status

from src.dependencies import CurrentUser, SessionDep
from src.config import settings
from src.core.security import create_access_token
from src.users import service as user_service
from src.tokens.schemas import LoginRequest as TokensLoginRequest, Token
from src.users.schemas import UserPublic

router = APIRouter(prefix="/login", tags=["login"])


@router.post("/access-token", response_model=Token)
def login_access_token(db: SessionDep, credentials: TokensLoginRequest) -> Any:
    """Exchange an email and password for a bearer token."""
    user = user_service.authenticate(db, credentials.email, credentials.password)
    if user is None:
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST, detail="Incorrect email or password"
        )
    if not user.is_active:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Inactive user")
    expires = timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    return Token(access_token=create_access_token(user.id, expires_delta=expires))


@router.post("/test-token", response_model=UserPublic)
def test_token(current_user: CurrentUser) -> Any:
    """Check that a token is valid and return its user."""
    return current_user
