"""A re-exporting package read as an object (`getattr(models, name)`) stays importable as
one object after the move: a facade module (FMP08), bound only where it is read so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from forgeapi_migrate.pipeline import RunOptions, run
from tests.conftest import write_tree

FILES = {
    "app/__init__.py": "",
    "app/main.py": (
        "from fastapi import FastAPI\n\nfrom app.api.routes import users\n\n"
        "app = FastAPI()\napp.include_router(users.router)\n"
    ),
    "app/models/__init__.py": "from .item import Item\nfrom .user import User\n",
    "app/models/user.py": "class User:\n    __tablename__ = 'user'\n",
    "app/models/item.py": "class Item:\n    __tablename__ = 'item'\n",
    "app/api/__init__.py": "",
    "app/api/routes/__init__.py": "",
    "app/api/routes/users.py": (
        "from app import models\n\nrouter = None  # no FastAPI needed to run it\n\n\n"
        "def table(name: str) -> type:\n    return getattr(models, name)\n"
    ),
    "app/api/routes/items.py": (
        "from fastapi import APIRouter\n\nfrom app import models\n\nrouter = APIRouter()\n"
        "ITEM = models.Item\n"
    ),
    # names imported from the facade's package by name go to their modules (FM004 alone)
    "app/api/routes/orders.py": "from app.models import (\n    Item,\n    User,\n)\n\nrouter = None\n",
}


def test_a_package_read_by_getattr_is_kept_as_a_facade(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "project", FILES)
    report = run(RunOptions(root, mode="write", allow_dirty=True))
    assert report.written
    facade = (root / "src/all_models.py").read_text()
    assert facade == "from src.items.models import Item\nfrom src.users.models import User\n"
    users = (root / "src/users/router.py").read_text()
    assert "from src import all_models as models\n" in users
    assert "return getattr(models, name)" in users
    # where the package is only read by attribute, the real module is imported, as before
    items = (root / "src/items/router.py").read_text()
    assert "from src.items import models as item_models\n" in items
    assert "ITEM = item_models.Item" in items
    orders = (root / "src/orders/router.py").read_text()
    assert orders.startswith(
        "from src.items.models import Item\nfrom src.users.models import User\n"
    )
    notes = [f for f in report.plan.notes if f.code == "FMP08"]
    assert [(n.path, n.message) for n in notes] == [
        (
            "app/models/__init__.py",
            "app/api/routes/users.py reads this package as an object (getattr): kept as "
            "src/all_models.py",
        )
    ]
    assert not [f for f in report.changeset.findings if f.unresolved]
    # the migrated code still finds the table by name (our fixture, run in a subprocess)
    code = "from src.users.router import table; print(table('User').__tablename__)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout == "user\n"
    assert run(RunOptions(root, mode="check")).pending is False
