"""Single-file layers split at symbol level: who goes where, and what each piece imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from forgeapi_migrate.cli import main
from forgeapi_migrate.errors import Finding
from forgeapi_migrate.pipeline import RunOptions, run
from tests.conftest import write_tree
from tests.helpers import tree_files

MAIN = "from fastapi import FastAPI\n\napp = FastAPI()\n"
DATABASE = (
    "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n"
)


# Their table classes tell which words name domains.
TABLES = {
    "app/models/__init__.py": "",
    "app/models/users.py": "from app.database import Base\n\n\nclass User(Base):\n    pass\n",
    "app/models/items.py": "from app.database import Base\n\n\nclass Item(Base):\n    pass\n",
}


def migrate(root: Path, files: dict[str, str]) -> tuple[dict[str, str], list[Finding]]:
    """The migrated files (new path -> text) and the findings, nothing written."""
    base = {"app/__init__.py": "", "app/main.py": MAIN, "app/database.py": DATABASE}
    if "app/models.py" not in files:
        base.update(TABLES)
    write_tree(root, {**base, **files})
    report = run(RunOptions(root, mode="dry-run", allow_dirty=True))
    result = {c.new_path: c.new_bytes.decode() for c in report.changeset.changes if c.new_path}
    return result, list(report.changeset.findings)  # the plan's notes come first


def destinations(findings: list[Finding]) -> dict[str, str]:
    """`Name -> src/x/models.py (why)` notes as {Name: "src/x/models.py (why)"}."""
    notes = [f.message.split(" -> ", 1) for f in findings if f.code == "FMS01"]
    return dict((name, rest) for name, rest in notes)


SCHEMAS = '''\
"""Every schema of the API."""

import re

from pydantic import BaseModel, field_validator

EMAIL = re.compile(r".+@.+")


class Message(BaseModel):
    message: str


class UserBase(BaseModel):
    email: str

    # Checked here, not in the database.
    @field_validator("email")
    @classmethod
    def valid_email(cls, value: str) -> str:
        assert EMAIL.match(value)
        return value


class ItemCreate(BaseModel):
    title: str


class UserWithItems(UserBase):
    items: list[ItemCreate] = []
'''


def test_symbols_go_to_the_domain_their_name_or_their_users_say(tmp_path: Path) -> None:
    files, findings = migrate(tmp_path, {"app/schemas.py": SCHEMAS})
    where = destinations(findings)
    assert where["UserBase"] == "src/users/schemas.py (its name says users)"
    assert where["ItemCreate"] == "src/items/schemas.py (its name says items)"
    assert where["EMAIL"] == "src/users/schemas.py (only users uses it)"
    assert where["Message"] == "src/schemas.py (no domain uses it)"
    # two domain words: the one whose symbols it uses most (its base class is a user one)
    assert where["UserWithItems"].startswith("src/users/schemas.py (its name says users and items")
    assert "app/schemas.py" not in files  # deleted
    notes = {f.message.split(" ")[0]: f.line for f in findings if f.code == "FMS01"}
    assert notes["EMAIL"] == 7 and notes["UserBase"] == 14  # the lines of the definitions


def test_each_piece_takes_only_its_imports_and_keeps_comments_decorators_and_order(
    tmp_path: Path,
) -> None:
    files, _ = migrate(tmp_path, {"app/schemas.py": SCHEMAS})
    assert files["src/users/schemas.py"] == (
        '"""Every schema of the API."""\n'
        "\n"
        "import re\n"
        "\n"
        "from pydantic import BaseModel, field_validator\n"
        "\n"
        "from src.items.schemas import ItemCreate\n"
        "\n"
        'EMAIL = re.compile(r".+@.+")\n'
        "\n"
        "\n"
        "class UserBase(BaseModel):\n"
        "    email: str\n"
        "\n"
        "    # Checked here, not in the database.\n"
        '    @field_validator("email")\n'
        "    @classmethod\n"
        "    def valid_email(cls, value: str) -> str:\n"
        "        assert EMAIL.match(value)\n"
        "        return value\n"
        "\n"
        "\n"
        "class UserWithItems(UserBase):\n"
        "    items: list[ItemCreate] = []\n"
    )
    assert files["src/items/schemas.py"] == (
        '"""Every schema of the API."""\n'
        "\n"
        "from pydantic import BaseModel\n"
        "\n"
        "\n"
        "class ItemCreate(BaseModel):\n"
        "    title: str\n"
    )
    assert "class Message(BaseModel)" in files["src/schemas.py"]
    assert "import re" not in files["src/schemas.py"]


def test_users_of_the_file_follow_each_symbol(tmp_path: Path) -> None:
    files, _ = migrate(
        tmp_path,
        {
            "app/schemas.py": SCHEMAS,
            "app/api.py": (
                "from app import schemas\n"
                "from app.schemas import ItemCreate, Message\n\n\n"
                "def f(user: schemas.UserBase) -> Message:\n"
                "    return Message(message=user.email + ItemCreate(title='x').title)\n"
            ),
            "tests/test_api.py": (
                "from unittest import mock\n\nfrom app import schemas\n\n\n"
                "def test_it(monkeypatch):\n"
                '    monkeypatch.setattr(schemas, "EMAIL", None)\n'
                '    mock.patch("app.schemas.Message")\n'
            ),
        },
    )
    api = files["src/api.py"]
    assert "from src.items.schemas import ItemCreate" in api
    assert "from src.schemas import Message" in api
    assert "def f(user: user_schemas.UserBase) -> Message:" in api
    test = files["tests/test_api.py"]
    assert 'monkeypatch.setattr(user_schemas, "EMAIL", None)' in test
    assert 'mock.patch("src.schemas.Message")' in test


def test_a_route_goes_with_its_router_and_a_shared_helper_is_reached_through_its_module(
    tmp_path: Path,
) -> None:
    routers = (
        "from fastapi import APIRouter\n\n"
        "users_router = APIRouter()\nitems_router = APIRouter()\n\n\n"
        "def now() -> str:\n    return 'now'\n\n\n"
        "@users_router.get('/me')\ndef read_me() -> str:\n    return now()\n\n\n"
        "@items_router.get('/latest')\ndef read_latest() -> str:\n    return now()\n"
    )
    files, findings = migrate(tmp_path, {"app/routers.py": routers})
    where = destinations(findings)
    assert where["read_me"] == "src/users/router.py (route of the users router)"
    assert where["read_latest"] == "src/items/router.py (route of the items router)"
    assert where["now"] == "src/router.py (shared by several domains)"
    users = files["src/users/router.py"]
    # through the module, so that a patch of the shared helper reaches this use too
    assert "from src import router\n" in users
    assert "return router.now()" in users


def test_the_config_overrides_a_symbol(tmp_path: Path) -> None:
    pyproject = '[tool.forgeapi-migrate.symbols]\n"app/schemas.py:Message" = "items"\n'
    files, findings = migrate(tmp_path, {"app/schemas.py": SCHEMAS, "pyproject.toml": pyproject})
    where = destinations(findings)
    assert where["Message"] == "src/items/schemas.py (set in [tool.forgeapi-migrate.symbols])"
    assert "class Message(BaseModel)" in files["src/items/schemas.py"]
    assert "src/schemas.py" not in files


def test_a_file_of_one_domain_moves_whole(tmp_path: Path) -> None:
    schemas = "from pydantic import BaseModel\n\n\nclass UserCreate(BaseModel):\n    x: int\n"
    files, findings = migrate(tmp_path, {"app/schemas.py": schemas})
    assert not [f for f in findings if f.code == "FMS01"]
    assert "src/schemas.py" in files and "src/users/schemas.py" not in files


MODELS_FUTURE = """\
from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    items: Mapped[list[Item]] = relationship(back_populates="owner")


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped[User] = relationship(back_populates="items")
"""


def test_pieces_that_need_each_other_import_for_type_checkers_only(tmp_path: Path) -> None:
    files, findings = migrate(tmp_path, {"app/models.py": MODELS_FUTURE})
    users = files["src/users/models.py"]
    assert "from typing import TYPE_CHECKING\n" in users
    assert "if TYPE_CHECKING:\n    from src.items.models import Item\n" in users
    assert "items: Mapped[list[Item]]" in users  # __future__ annotations: nothing to quote
    items = files["src/items/models.py"]
    assert "if TYPE_CHECKING:\n    from src.users.models import User\n" in items
    assert not [f for f in findings if f.code == "FMS02"]


MODELS_PLAIN = """\
from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    items: Mapped[list["Item"]] = relationship(back_populates="owner")

    def add_item(self) -> "Item":
        item = Item(owner=self)
        return item


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner: Mapped[User] = relationship(back_populates="items")
"""


def test_without_future_annotations_the_cycle_is_broken_by_quoting_and_module_access(
    tmp_path: Path,
) -> None:
    files, findings = migrate(tmp_path, {"app/models.py": MODELS_PLAIN})
    items = files["src/items/models.py"]
    assert "if TYPE_CHECKING:\n    from src.users.models import User\n" in items
    assert 'owner: "Mapped[User]" = relationship' in items
    users = files["src/users/models.py"]
    assert "from src.items import models as item_models\n" in users
    assert "item = item_models.Item(owner=self)" in users
    assert "TYPE_CHECKING" not in users  # it names Item only in strings and in a body
    assert not [f for f in findings if f.code == "FMS02"]


def test_a_cycle_needed_at_import_time_is_reported(tmp_path: Path) -> None:
    schemas = (
        "from pydantic import BaseModel\n\n\n"
        "class UserBase(BaseModel):\n    x: int\n\n\n"
        "class ItemBase(BaseModel):\n    owner: UserBase\n\n\n"
        "class UserOut(UserBase):\n    items: list[ItemBase]\n"
    )
    _, findings = migrate(tmp_path, {"app/schemas.py": schemas})
    cycles = [f for f in findings if f.code == "FMS02"]
    assert cycles and all(f.unresolved and f.path == "app/schemas.py" for f in cycles)
    assert {f.message.split(" ")[0] for f in cycles} <= {"UserBase", "ItemBase"}


def test_a_name_without_domain_word_goes_where_its_code_points_or_its_only_user_is(
    tmp_path: Path,
) -> None:
    crud = (
        "from app.models.users import User\n\n\n"
        "def get_user_by_email(email: str) -> User | None:\n    return None\n\n\n"
        "def authenticate(email: str) -> User | None:\n    return get_user_by_email(email)\n\n\n"
        "def get_item(item_id: int) -> None:\n    return None\n\n\n"
        "def verify(password: str) -> bool:\n    return bool(password)\n"
    )
    schemas = (
        "from pydantic import BaseModel\n\n\n"
        "class ItemOut(BaseModel):\n    id: int\n\n\n"
        "class UserOut(BaseModel):\n    id: int\n\n\n"
        "class Token(BaseModel):\n    access_token: str\n\n\n"
        "class TokenPayload(BaseModel):\n    sub: str\n"
    )
    login = (
        "from ... import crud\nfrom ...schemas import Token, TokenPayload\n\n\n"
        "def login(email: str) -> Token:\n"
        "    crud.verify(email)\n    return Token(access_token=email)\n"
    )
    deps = "from app.schemas import TokenPayload\n\n\nPAYLOAD = TokenPayload\n"
    _, findings = migrate(
        tmp_path,
        {"app/crud.py": crud, "app/schemas.py": schemas, "app/api/routes/login.py": login,
         "app/api/__init__.py": "", "app/api/routes/__init__.py": "", "app/api/deps.py": deps},
    )  # fmt: skip
    where = destinations(findings)
    assert where["authenticate"] == "src/users/service.py (it uses users)"
    # used by one domain's module outside the split file (relative imports from a router)
    assert where["Token"] == "src/login/schemas.py (only login uses it)"
    assert where["verify"] == "src/login/service.py (only login uses it)"
    # used by login and by the global dependencies module
    assert where["TokenPayload"] == "src/schemas.py (shared by several domains)"


def test_a_symbol_nothing_places_is_reported_not_guessed_silently(tmp_path: Path) -> None:
    schemas = (
        "from pydantic import BaseModel\n\n\n"
        "class UserOut(BaseModel):\n    id: int\n\n\n"
        "class ItemOut(BaseModel):\n    id: int\n\n\n"
        "class UserItemLink(BaseModel):\n    user_id: int\n    item_id: int\n"
    )
    _, findings = migrate(tmp_path, {"app/schemas.py": schemas})
    guessed = [f for f in findings if f.code == "FMS03"]
    assert [(f.severity, f.line, f.message.split(" ")[0]) for f in guessed] == [
        ("warning", 12, "UserItemLink")
    ]
    assert "[tool.forgeapi-migrate.symbols]" in guessed[0].message


def test_the_plan_shows_pieces_by_their_file_and_every_symbol(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schemas = SCHEMAS + "\n\nclass UserItemLink(BaseModel):\n    user_id: int\n"
    migrate(tmp_path, {"app/schemas.py": schemas})  # writes the tree
    assert main(["plan", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "app/schemas.py (users)" in out and "app/schemas.py (shared)" in out
    assert "app/schemas/users.py" not in out  # the pieces are not files
    assert "app/schemas/__init__.py" not in out  # nor is their re-exporting __init__
    assert "FMS01 UserBase -> src/users/schemas.py (its name says users)" in out
    # a finding's brackets are text, not console markup
    assert "set it in [tool.forgeapi-migrate.symbols]" in out


def test_each_piece_gets_its_share_of_the_files_dunder_all(tmp_path: Path) -> None:
    schemas = SCHEMAS.replace(
        "import re\n", 'import re\n\n__all__ = ["UserBase", "ItemCreate", "Message"]\n'
    )
    files, _ = migrate(tmp_path, {"app/schemas.py": schemas})
    assert '\n__all__ = ["UserBase"]\n' in files["src/users/schemas.py"]
    assert '\n__all__ = ["ItemCreate"]\n' in files["src/items/schemas.py"]
    assert '\n__all__ = ["Message"]\n' in files["src/schemas.py"]


def test_a_bad_symbols_table_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = '[tool.forgeapi-migrate.symbols]\n"app/schemas.py:Message" = "not a domain"\n'
    write_tree(tmp_path, {"app/__init__.py": "", "app/main.py": MAIN, "app/database.py": DATABASE,
                          **TABLES, "app/schemas.py": SCHEMAS, "pyproject.toml": pyproject})  # fmt: skip
    before = tree_files(tmp_path)
    assert main([str(tmp_path), "--allow-dirty"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml" in err and "symbols must map" in err
    assert tree_files(tmp_path) == before
