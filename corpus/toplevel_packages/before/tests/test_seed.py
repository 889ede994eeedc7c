"""scripts/ is not a package: load seed.py from its path, like `python scripts/seed.py` would."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import func, select

import models
from core.config import settings

SEED_PATH = Path(__file__).resolve().parents[1] / "scripts" / "seed.py"


@pytest.fixture
def seed(monkeypatch, session_factory) -> ModuleType:
    spec = importlib.util.spec_from_file_location("seed", SEED_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # Point the script at the per-test database instead of settings.DATABASE_URL.
    monkeypatch.setattr(module, "SessionLocal", session_factory)
    return module


def test_seed_inserts_authors_and_books(seed, db, capsys) -> None:
    assert seed.main() == 2
    assert "Seeded 2 author(s)." in capsys.readouterr().out

    assert db.scalar(select(func.count()).select_from(models.Author)) == 2
    assert db.scalar(select(func.count()).select_from(models.Book)) == 5
    pratchett = db.scalar(select(models.Author).where(models.Author.email == "terry@example.com"))
    assert [book.title for book in pratchett.books] == ["Guards! Guards!", "Small Gods", "Night Watch"]


def test_seed_is_idempotent(seed, db) -> None:
    seed.main()
    assert seed.main() == 0
    assert db.scalar(select(func.count()).select_from(models.Book)) == 5


def test_seeded_data_is_served_by_the_api(seed, client) -> None:
    seed.main()
    credentials = {"email": "ursula@example.com", "password": seed.DEFAULT_PASSWORD}
    author = client.post(f"{settings.API_V1_STR}/authors/login", json=credentials).json()
    books = client.get(f"{settings.API_V1_STR}/authors/{author['id']}/books").json()
    assert [b["published_year"] for b in books] == [1968, 1969]
