from sqlalchemy.orm import Session

from src.config import settings
from src.items import service as crud_item
from src.items.models import Item
from src.items.schemas import ItemCreate
from src.tests.utils.utils import random_lower_string


def create_random_item(db: Session, owner: str = settings.FIRST_SUPERUSER) -> Item:
    title = random_lower_string()
    description = random_lower_string()
    item_in = ItemCreate(title=title, description=description)
    return crud_item.create_item(db, item_in=item_in, owner=owner)
