"""Password hashing and signed access tokens.

The full-stack template uses PyJWT and passlib; this project keeps to the standard
library: PBKDF2 for passwords and an HMAC-SHA256 signed, base64 encoded JSON payload
for tokens (same shape as a JWT body: ``{"sub": ..., "exp": ...}``).
"""

import base64
import hashlib
import hmac
import json
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from src.config import settings

ALGORITHM = "HS256"
PBKDF2_ITERATIONS = 50_000


class InvalidTokenError(Exception):
    """Raised when a token is malformed, has a bad signature or has expired."""


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _b64decode(data: str) -> bytes:
    padding = "=" * (-len(data) % 4)
    return base64.urlsafe_b64decode(data + padding)


def _signature(payload: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), payload.encode(), hashlib.sha256).digest()
    return _b64encode(digest)


def create_access_token(subject: str | Any, expires_delta: timedelta) -> str:
    expire = datetime.now(timezone.utc) + expires_delta
    to_encode = {"sub": str(subject), "exp": int(expire.timestamp())}
    payload = _b64encode(json.dumps(to_encode, separators=(",", ":")).encode())
    return f"{payload}.{_signature(payload)}"


def decode_access_token(token: str) -> dict[str, Any]:
    try:
        payload, signature = token.split(".")
    except ValueError as exc:
        raise InvalidTokenError("Malformed token") from exc
    if not hmac.compare_digest(signature, _signature(payload)):
        raise InvalidTokenError("Bad signature")
    try:
        data = json.loads(_b64decode(payload))
    except ValueError as exc:
        raise InvalidTokenError("Malformed payload") from exc
    if not isinstance(data, dict):
        raise InvalidTokenError("Malformed payload")
    if int(data.get("exp", 0)) < datetime.now(timezone.utc).timestamp():
        raise InvalidTokenError("Token expired")
    return data


def get_password_hash(password: str) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt}${digest.hex()}"


def verify_password(plain_password: str, hashed_password: str) -> bool:
    try:
        _scheme, iterations, salt, expected = hashed_password.split("$")
        digest = hashlib.pbkdf2_hmac(
            "sha256", plain_password.encode(), salt.encode(), int(iterations)
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), expected)
