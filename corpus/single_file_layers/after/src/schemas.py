"""Pydantic schemas for the whole API.

Response schemas reuse the ORM class names (`User`, `Item`, `Tag`), exactly like the
FastAPI SQL tutorial; always refer to them as `schemas.User` next to `models.User`.
"""

from pydantic import BaseModel


class Message(BaseModel):
    """Generic acknowledgement body, e.g. after a delete."""

    message: str
