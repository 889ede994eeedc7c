from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base shared by every ORM model."""


class IdMixin:
    """Adds the integer surrogate primary key every table uses."""

    id: Mapped[int] = mapped_column(primary_key=True)
