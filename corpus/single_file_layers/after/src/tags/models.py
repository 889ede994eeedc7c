from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.database import Base

from src.items.models import Item
from src.items import models as item_models


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(50), unique=True, index=True)

    items: Mapped[list[Item]] = relationship(
        secondary=item_models.item_tags, back_populates="tags", order_by=Item.id
    )
