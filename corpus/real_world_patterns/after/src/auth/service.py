"""Who is calling: the bearer token's subject, checked on every protected route."""

from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError

from src.core.security import read_access_token
from src.tokens.schemas import TokenPayload

bearer = HTTPBearer(auto_error=False)


def get_current_user(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    claims = read_access_token(credentials.credentials) if credentials else None
    try:
        token_data = TokenPayload.model_validate(claims or {})
    except ValidationError:
        token_data = TokenPayload()
    if token_data.sub is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Could not validate credentials",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token_data.sub


CurrentUser = Annotated[str, Depends(get_current_user)]
