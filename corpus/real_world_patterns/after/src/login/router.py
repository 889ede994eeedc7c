import hmac
from typing import Annotated

from fastapi import APIRouter, Body, HTTPException

from src.config import settings
from src.core.security import create_access_token
from src.tokens.schemas import Token

router = APIRouter(tags=["login"])


@router.post("/login/access-token")
def login_access_token(username: Annotated[str, Body()], password: Annotated[str, Body()]) -> Token:
    """Exchange the superuser's credentials for a bearer token."""
    known = hmac.compare_digest(username, settings.FIRST_SUPERUSER)
    if not (known and hmac.compare_digest(password, settings.FIRST_SUPERUSER_PASSWORD)):
        raise HTTPException(status_code=400, detail="Incorrect email or password")
    return Token(access_token=create_access_token(username))
