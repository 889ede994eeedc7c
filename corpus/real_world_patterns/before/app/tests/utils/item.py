from sqlalchemy.orm import Session

from app.core.config import settings
from app.crud import crud_item
from app.models.item import Item
from app.schemas.item import ItemCreate
from app.tests.utils.utils import random_lower_string


def create_random_item(db: Session, owner: str = settings.FIRST_SUPERUSER) -> Item:
    title = random_lower_string()
    description = random_lower_string()
    item_in = ItemCreate(title=title, description=description)
    return crud_item.create_item(db, item_in=item_in, owner=owner)
