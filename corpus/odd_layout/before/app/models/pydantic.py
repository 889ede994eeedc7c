"""Shared pydantic building blocks for the request/response schemas.

Yes, this module is called ``pydantic``: the import below is absolute, so it
still resolves to the real library and not to this file.
"""

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, StringConstraints

# Prices and totals: non-negative, two decimals, sent to clients as JSON numbers.
Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=10, decimal_places=2),
    PlainSerializer(lambda value: float(value), return_type=float, when_used="json"),
]

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]

# Deliberately loose: email-validator is not a dependency of this project.
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
]


class StrictRequest(BaseModel):
    """Base for request bodies: unknown fields are rejected."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ORMModel(BaseModel):
    """Base for response bodies built straight from SQLAlchemy objects."""

    model_config = ConfigDict(from_attributes=True)
