from sqlmodel import Session

from src.items import service as item_service
from src.items.models import Item, ItemCreate
from src.users.models import User
from tests.utils.user import create_random_user
from tests.utils.utils import random_lower_string


def create_random_item(db: Session, owner: User | None = None) -> Item:
    if owner is None:
        owner = create_random_user(db)
    owner_id = owner.id
    assert owner_id is not None
    title = random_lower_string()
    description = random_lower_string()
    item_in = ItemCreate(title=title, description=description)
    return item_service.create_item(session=db, item_in=item_in, owner_id=owner_id)
