from __future__ import annotations

from pathlib import Path

import pytest

MINI_PROJECT: dict[str, str] = {
    "app/__init__.py": "",
    "app/main.py": (
        "from fastapi import FastAPI\n\n"
        "from app.api.routes import items, users\n"
        "from app.core.config import settings\n\n"
        "app = FastAPI(title=settings.name)\n"
        "app.include_router(users.router)\n"
        "app.include_router(items.router)\n"
    ),
    "app/core/__init__.py": "",
    "app/core/config.py": "class Settings:\n    name = 'mini'\n\n\nsettings = Settings()\n",
    "app/api/__init__.py": "",
    "app/api/routes/__init__.py": "",
    "app/api/routes/users.py": (
        "from fastapi import APIRouter\n\n"
        "from app.crud import crud_user\n"
        "from app.schemas.user import UserOut\n\n"
        "router = APIRouter()\n\n\n"
        "@router.get('/users/{uid}', response_model=UserOut)\n"
        "def read(uid: int) -> UserOut:\n"
        "    return crud_user.get(uid)\n"
    ),
    "app/api/routes/items.py": (
        "from fastapi import APIRouter\n\nfrom ...models.item import Item\n\nrouter = APIRouter()\n"
    ),
    "app/crud/__init__.py": "",
    "app/crud/crud_user.py": "from app.schemas.user import UserOut\n\n\ndef get(uid):\n    return UserOut(id=uid)\n",
    "app/models/__init__.py": "",
    "app/models/item.py": "class Item:\n    pass\n",
    "app/schemas/__init__.py": "",
    "app/schemas/user.py": "class UserOut:\n    def __init__(self, id):\n        self.id = id\n",
    "tests/test_users.py": "from app.crud.crud_user import get\n\n\ndef test_get():\n    assert get(1).id == 1\n",
}


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "mini", dict(MINI_PROJECT))
