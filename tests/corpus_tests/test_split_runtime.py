"""Split models that need each other still import, map and work (run for real, in the corpus
environment, in a subprocess: the tool itself never imports the project)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from forgeapi_migrate.pipeline import RunOptions, run
from tests.conftest import write_tree
from tests.corpus_tests import support
from tests.test_split import DATABASE, MAIN, MODELS_FUTURE, MODELS_PLAIN

CHECK = """\
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from {package} import models
from {package}.database import Base

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as db:
    user = models.User(items=[models.Item()])
    db.add(user)
    db.commit()
    assert user.items[0].owner is user
    print(sorted(Base.metadata.tables))
"""

ALONE = """\
from sqlalchemy.orm import configure_mappers

from src.database import Base
from src.users.models import User

configure_mappers()
assert User.items.property.mapper.class_.__name__ == "Item"
print(sorted(Base.metadata.tables))
"""


def python_output(python: Path, project: Path, *args: str) -> str:
    """What the project's code prints, run in the corpus environment; it must succeed."""
    proc = subprocess.run(
        [str(python), *args], cwd=project, env=support.clean_env(),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("models", [MODELS_FUTURE, MODELS_PLAIN], ids=["future", "plain"])
def test_split_models_that_need_each_other_still_work(tmp_path: Path, models: str) -> None:
    python = support.corpus_python()
    files = {"app/__init__.py": "", "app/main.py": MAIN, "app/database.py": DATABASE,
             "app/models.py": models, "app/check.py": CHECK.format(package="app")}  # fmt: skip
    write_tree(tmp_path, files)

    def check(module: str) -> str:
        return python_output(python, tmp_path, "-m", module)

    assert check("app.check") == "['items', 'users']\n"
    report = run(RunOptions(tmp_path, allow_dirty=True))
    assert report.written
    assert (tmp_path / "src/users/models.py").is_file() and not (tmp_path / "app").exists()
    assert check("src.check") == "['items', 'users']\n"
    # Importing one piece alone still registers every table its mappers name.
    write_tree(tmp_path, {"src/alone.py": ALONE})
    assert check("src.alone") == "['items', 'users']\n"


TUTORIAL = Path(__file__).resolve().parents[1] / "data" / "sql_app_tutorial"
TUTORIAL_CHECK = """\
import json, sys
from fastapi.testclient import TestClient
from {package}.main import app

client = TestClient(app)
user = client.post("/users/", json={{"email": "a@b.c", "password": "x"}}).json()
client.post(f"/users/{{user['id']}}/items/", json={{"title": "t"}}).raise_for_status()
assert client.get("/users/").json()[0]["items"][0]["title"] == "t"
print(json.dumps(app.openapi(), sort_keys=True))
"""


def test_the_sql_tutorial_app_splits_and_works_the_same(tmp_path: Path) -> None:
    """One file per layer, relative imports, `models.Base.metadata.create_all()` in main."""
    python = support.corpus_python()
    shutil.copytree(TUTORIAL, tmp_path, dirs_exist_ok=True)

    def run_app(package: str) -> str:
        (tmp_path / "check.py").write_text(TUTORIAL_CHECK.format(package=package))
        (tmp_path / "sql_app.db").unlink(missing_ok=True)
        return python_output(python, tmp_path, "check.py")

    before = run_app("sql_app")
    report = run(RunOptions(tmp_path, allow_dirty=True))
    assert report.written
    assert not [f for f in report.changeset.findings if f.unresolved]
    assert (tmp_path / "src/users/service.py").is_file()
    main = (tmp_path / "src/main.py").read_text()
    # `models.Base` is the database's; the import of `models` still registers every table
    assert "from src.users import models as user_models\n" in main
    assert "database.Base.metadata.create_all(bind=engine)" in main
    assert run_app("src") == before  # same behaviour, same OpenAPI document


ONE_ROUTER = {
    "app/__init__.py": "",
    "app/models.py": (
        "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\n\n"
        "class Base(DeclarativeBase):\n    pass\n\n\n"
        "class User(Base):\n    __tablename__ = 'users'\n"
        "    id: Mapped[int] = mapped_column(primary_key=True)\n\n\n"
        "class Item(Base):\n    __tablename__ = 'items'\n"
        "    id: Mapped[int] = mapped_column(primary_key=True)\n"
    ),
    "app/routers.py": (
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
        "@router.get('/users/')\ndef read_users() -> list[int]:\n    return [1]\n\n\n"
        "@router.get('/items/')\ndef read_items() -> list[int]:\n    return [2]\n"
    ),
    "app/main.py": (
        "from fastapi import FastAPI\n\nfrom app import routers\n\n"
        "app = FastAPI()\napp.include_router(routers.router)\n"
    ),
}


def test_routes_on_one_shared_router_are_still_registered(tmp_path: Path) -> None:
    """`router = APIRouter()` for every domain: the routes go to their domains, and importing
    the router (as main does) still registers every one of them, in the original order."""
    python = support.corpus_python()
    write_tree(tmp_path, ONE_ROUTER)

    def paths(package: str) -> str:
        code = f"from {package}.main import app; print(list(app.openapi()['paths']))"
        return python_output(python, tmp_path, "-c", code)

    assert paths("app") == "['/users/', '/items/']\n"
    assert run(RunOptions(tmp_path, allow_dirty=True)).written
    assert "def read_users" in (tmp_path / "src/users/router.py").read_text()
    assert paths("src") == "['/users/', '/items/']\n"
