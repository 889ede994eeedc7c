"""Password hashing and signed access tokens using only the standard library."""

import base64
import hashlib
import hmac
import secrets
import time
from datetime import timedelta

from src.config import settings

PBKDF2_ALGORITHM = "sha256"
PBKDF2_ITERATIONS = 100_000


def get_password_hash(password: str) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac(
        PBKDF2_ALGORITHM, password.encode(), salt.encode(), PBKDF2_ITERATIONS
    )
    return f"pbkdf2_{PBKDF2_ALGORITHM}${PBKDF2_ITERATIONS}${salt}${digest.hex()}"


def verify_password(plain_password: str, hashed_password: str) -> bool:
    try:
        scheme, iterations, salt, expected = hashed_password.split("$")
    except ValueError:
        return False
    algorithm = scheme.removeprefix("pbkdf2_")
    digest = hashlib.pbkdf2_hmac(
        algorithm, plain_password.encode(), salt.encode(), int(iterations)
    )
    return hmac.compare_digest(digest.hex(), expected)


def _sign(payload: str) -> str:
    mac = hmac.new(settings.SECRET_KEY.encode(), payload.encode(), hashlib.sha256)
    return mac.hexdigest()


def create_access_token(subject: str | int, expires_delta: timedelta | None = None) -> str:
    if expires_delta is None:
        expires_delta = timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    expires_at = int(time.time() + expires_delta.total_seconds())
    payload = f"{subject}:{expires_at}"
    encoded = base64.urlsafe_b64encode(payload.encode()).decode()
    return f"{encoded}.{_sign(payload)}"


def decode_access_token(token: str) -> str | None:
    """Return the token subject, or None if the token is malformed, forged or expired."""
    try:
        encoded, signature = token.split(".", 1)
        payload = base64.urlsafe_b64decode(encoded.encode()).decode()
        subject, expires_at = payload.rsplit(":", 1)
        expired = int(expires_at) < time.time()
    except ValueError:
        return None
    if not hmac.compare_digest(signature, _sign(payload)) or expired:
        return None
    return subject
