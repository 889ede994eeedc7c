from sqlalchemy.orm import Session

from app.crud import crud_item
from app.schemas.item import ItemCreate
from app.tests.utils.item import create_random_item
from app.tests.utils.utils import random_email, random_lower_string


def test_create_item(db: Session) -> None:
    title = random_lower_string()
    owner = random_email()
    item = crud_item.create_item(db, item_in=ItemCreate(title=title), owner=owner)
    assert item.id is not None
    assert item.title == title
    assert item.description is None
    assert item.owner == owner


def test_get_item(db: Session) -> None:
    item = create_random_item(db)
    stored = crud_item.get_item(db, item.id)
    assert stored is not None
    assert (stored.title, stored.description) == (item.title, item.description)


def test_get_items_is_scoped_to_owner(db: Session) -> None:
    owner = random_email()
    first = create_random_item(db, owner=owner)
    second = create_random_item(db, owner=owner)
    create_random_item(db)
    assert [i.id for i in crud_item.get_items(db, owner=owner)] == [first.id, second.id]
    assert crud_item.count_items(db, owner=owner) == 2
