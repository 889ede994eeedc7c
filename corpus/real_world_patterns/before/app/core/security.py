"""Signed access tokens with the standard library only (no JWT dependency)."""

import base64
import hashlib
import hmac
import json
import time

from app.core.config import settings


def _sign(payload: bytes) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), payload, hashlib.sha256).hexdigest()


def create_access_token(subject: str) -> str:
    expires = int(time.time()) + settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60
    payload = json.dumps({"sub": subject, "exp": expires}).encode()
    return f"{base64.urlsafe_b64encode(payload).decode()}.{_sign(payload)}"


def read_access_token(token: str) -> dict | None:
    """The token's claims, or None when it is malformed, forged or expired."""
    try:
        encoded, signature = token.split(".", 1)
        payload = base64.urlsafe_b64decode(encoded.encode())
    except ValueError:
        return None
    if not hmac.compare_digest(_sign(payload), signature):
        return None
    claims = json.loads(payload)
    return claims if claims["exp"] > time.time() else None
