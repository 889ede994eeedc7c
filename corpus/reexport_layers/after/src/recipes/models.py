from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.base_class import Base

if TYPE_CHECKING:
    from src.tags.models import Tag
    from src.users.models import User

# Plain association table: a recipe carries many tags, a tag labels many recipes.
recipe_tags = Table(
    "recipe_tags",
    Base.metadata,
    Column(
        "recipe_id", Integer, ForeignKey("recipes.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Recipe(Base):
    __tablename__ = "recipes"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    servings: Mapped[int] = mapped_column(default=1)
    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )

    owner: Mapped["User"] = relationship(back_populates="recipes")
    tags: Mapped[list["Tag"]] = relationship(
        secondary=recipe_tags, back_populates="recipes", order_by="Tag.name"
    )

    def __repr__(self) -> str:
        return f"Recipe(id={self.id!r}, title={self.title!r})"
