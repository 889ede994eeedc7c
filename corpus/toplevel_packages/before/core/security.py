"""Password hashing for author accounts, standard library only (no passlib)."""

import hashlib
import hmac
import secrets

from core.config import settings

HASH_ALGORITHM = "sha256"
HASH_ITERATIONS = settings.PASSWORD_HASH_ITERATIONS


def hash_password(password: str) -> str:
    """Return a self-describing ``algorithm$iterations$salt$digest`` string."""
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac(HASH_ALGORITHM, password.encode(), salt.encode(), HASH_ITERATIONS)
    return f"{HASH_ALGORITHM}${HASH_ITERATIONS}${salt}${digest.hex()}"


def verify_password(password: str, hashed: str) -> bool:
    try:
        algorithm, iterations, salt, expected = hashed.split("$")
        digest = hashlib.pbkdf2_hmac(algorithm, password.encode(), salt.encode(), int(iterations))
    except ValueError:
        # Malformed hash or unknown algorithm: never authenticate.
        return False
    return hmac.compare_digest(digest.hex(), expected)
