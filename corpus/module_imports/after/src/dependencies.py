"""Shared pagination dependency for list endpoints."""
from fastapi import Query

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class Pagination:
    """Offset/limit pagination parsed from the query string."""

    def __init__(
        self,
        skip: int = Query(0, ge=0, description="Number of records to skip"),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Page size"),
    ) -> None:
        self.skip = skip
        self.limit = limit
