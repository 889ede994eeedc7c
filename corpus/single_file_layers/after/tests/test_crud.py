"""Tests for app/crud.py, including patching its module-level functions."""

from datetime import datetime, timezone
from unittest import mock

from src.items import service as item_service
from src.tags import service as tag_service
from src.users import service as user_service
from src import utils
from src.users import models as user_models
from src.items import schemas as item_schemas
from src.tags import schemas as tag_schemas
from src.users import schemas as user_schemas

FROZEN = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_get_datetime_utc_is_timezone_aware() -> None:
    now = utils.get_datetime_utc()
    assert now.tzinfo is not None
    assert now.utcoffset().total_seconds() == 0


def test_create_user_hashes_password(db) -> None:
    user_in = user_schemas.UserCreate(email="Rick@Citadel.org", password="wubbalubba")
    user = user_service.create_user(db, user_in)
    assert isinstance(user, user_models.User)
    assert user.email == "rick@citadel.org"
    assert user.hashed_password == user_service.hash_password("wubbalubba")
    assert user.hashed_password != "wubbalubba"
    assert user_service.get_user_by_email(db, "RICK@citadel.org") is user


def test_created_at_uses_frozen_clock(db) -> None:
    with mock.patch("src.utils.get_datetime_utc", return_value=FROZEN) as frozen:
        user = user_service.create_user(db, user_schemas.UserCreate(email="a@b.io", password="password1"))
        item = item_service.create_user_item(db, item_schemas.ItemCreate(title="Clock"), user_id=user.id)
    assert frozen.call_count == 2
    # SQLite hands the value back without tzinfo.
    assert user.created_at.replace(tzinfo=None) == FROZEN.replace(tzinfo=None)
    assert item.created_at.replace(tzinfo=None) == FROZEN.replace(tzinfo=None)


def test_add_tag_to_item_bumps_updated_at(db) -> None:
    user = user_service.create_user(db, user_schemas.UserCreate(email="c@d.io", password="password2"))
    item = item_service.create_user_item(db, item_schemas.ItemCreate(title="Taggable"), user_id=user.id)
    tag = tag_service.create_tag(db, tag_schemas.TagCreate(name="new"))
    assert tag_service.get_tag_by_name(db, "new") is tag

    with mock.patch("src.utils.get_datetime_utc", return_value=FROZEN):
        item = tag_service.add_tag_to_item(db, item, tag)
    assert item.updated_at.replace(tzinfo=None) == FROZEN.replace(tzinfo=None)
    assert [t.name for t in item.tags] == ["new"]
    assert [i.id for i in item_service.get_items(db, tag="new")] == [item.id]


def test_api_uses_frozen_clock(client) -> None:
    with mock.patch("src.utils.get_datetime_utc", return_value=FROZEN):
        payload = {"email": "frozen@example.com", "password": "icecold!!"}
        response = client.post("/users/", json=payload)
    assert response.status_code == 201
    assert response.json()["created_at"].startswith("2024-01-02T03:04:05")


def test_email_lookup_can_be_monkeypatched(client, monkeypatch) -> None:
    seen: list[str] = []

    def fake_get_user_by_email(db, email: str):
        seen.append(email)
        return object()  # pretend the address is always taken

    monkeypatch.setattr(user_service, "get_user_by_email", fake_get_user_by_email)

    response = client.post("/users/", json={"email": "fresh@example.com", "password": "brand-new"})
    assert response.status_code == 400
    assert response.json() == {"detail": "Email already registered"}
    assert seen == ["fresh@example.com"]
