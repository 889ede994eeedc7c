"""A package `__init__` that imports the routers moving out of its package (`core/__init__.py`
importing `core/views/*`): left in place, importing `src.core.helpers` would import every
router in an order no module had before (lnbits: a cycle). It moves to `src/core/api.py`
(FMP03), and the names it only passed on are imported from where they live."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from forgeapi_migrate.pipeline import RunOptions, run
from tests.conftest import write_tree

FILES = {
    "app/__init__.py": "",
    "app/main.py": (
        "from fastapi import FastAPI\n\nfrom app.core import init_routers\n\n"
        "app = FastAPI()\ninit_routers(app)\n"
    ),
    "app/core/__init__.py": (
        "from .db import registry\nfrom .views.users import users_router\n\n\n"
        "def init_routers(app):\n    app.include_router(users_router)\n"
    ),
    "app/core/db.py": "registry = []\n",
    "app/core/helpers.py": "def shout(text):\n    return text.upper()\n",
    "app/core/views/__init__.py": "",
    "app/core/views/users.py": (
        "from app.core.services.users import count\n\nusers_router = None\n"
    ),
    "app/core/services/__init__.py": "",
    "app/core/services/users.py": (
        "from app.core import registry\nfrom app.core.helpers import shout\n\n\n"
        "def count():\n    return len(registry), shout('users')\n"
    ),
}


def test_an_init_that_imports_moving_routers_leaves_its_package(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "project", FILES)
    report = run(RunOptions(root, mode="write", allow_dirty=True))
    assert report.written
    assert report.plan.new_paths["app/core/__init__.py"] == "src/core/api.py"
    assert (root / "src/core/__init__.py").read_text() == ""
    service = (root / "src/users/service.py").read_text()
    # `registry` was only passed on by core/__init__.py: imported from where it lives
    assert "from src.database import registry\n" in service
    assert "from src.core.api import init_routers\n" in (root / "src/main.py").read_text()
    # the service imports src.core.helpers without running the routers' aggregator first
    code = "import src.users.service as s, sys; print(s.count(), 'src.core.api' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout == "(0, 'USERS') False\n"
    assert run(RunOptions(root, mode="check")).pending is False


def test_names_passed_on_by_a_moved_init_split_into_one_line_imports(tmp_path: Path) -> None:
    """`from app.services.email import (X, CreateError, VerifyError,)` where the init (moved
    to `src/email.py`, FMP03) defines X and passes the rest on from `base.py`: the names
    are imported from both modules, on lines that parse (the original commas carried line
    breaks that a statement without parentheses cannot hold)."""
    root = write_tree(
        tmp_path / "project",
        {
            "app/__init__.py": "",
            "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
            "app/services/__init__.py": "",
            "app/services/email/__init__.py": (
                "from app.services.email.base import CreateError, VerifyError\n\n\n"
                "class X:\n    pass\n"
            ),
            "app/services/email/base.py": "class CreateError: ...\n\n\nclass VerifyError: ...\n",
            "app/services/tenant.py": (
                "from app.services.email import (\n    X,\n    CreateError,\n    VerifyError,\n)\n"
            ),
        },
    )
    report = run(RunOptions(root, mode="write", allow_dirty=True))
    assert report.written
    assert (root / "src/tenant/service.py").read_text() == (
        "from src.email import X\nfrom src.service import CreateError, VerifyError\n"
    )
