"""Every database operation of the API, grouped by table."""

from datetime import datetime, timezone


def get_datetime_utc() -> datetime:
    """Current time in UTC; a function so tests can freeze it."""
    return datetime.now(timezone.utc)
