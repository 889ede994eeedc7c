"""The same input gives the same bytes under any hash seed: every corpus project's dry-run
diff, and a project whose router uses a name its single-file crud layer never had (where
set order once decided which uses were rewritten)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import write_tree
from tests.corpus_tests import support

SEEDS = ("0", "1", "2")
# One process per seed runs the dry-run of every project and prints the diffs one after another.
DRIVER = """
import sys
from forgeapi_migrate.cli import main
for root in sys.argv[1:]:
    print(f"=== {root}", flush=True)
    main([root, "--dry-run"])
    sys.stdout.flush()
"""

BOOKS = {
    "app/__init__.py": "",
    "app/main.py": (
        "from fastapi import FastAPI\n\nfrom app.routers import authors, books\n\n"
        "app = FastAPI()\napp.include_router(books.router)\napp.include_router(authors.router)\n"
    ),
    "app/models.py": (
        'class Book:\n    __tablename__ = "books"\n\n\n'
        'class Author:\n    __tablename__ = "authors"\n'
    ),
    "app/crud.py": (
        "from app.models import Author, Book\n\n\ndef create_book(title):\n    return Book()\n\n\n"
        "def list_books():\n    return []\n\n\ndef create_author(name):\n    return Author()\n"
    ),
    "app/routers/books.py": (
        "from fastapi import APIRouter\n\nfrom app import crud\n\nrouter = APIRouter()\n\n\n"
        '@router.get("/books")\ndef read_books():\n    return crud.list_books()\n\n\n'
        '@router.get("/books/{book_id}")\ndef read_book(book_id: int):\n'
        "    return crud.get_book(book_id)\n\n\n"
        '@router.post("/books")\ndef add_book(title: str):\n    return crud.create_book(title)\n'
    ),
    "app/routers/authors.py": (
        "from fastapi import APIRouter\n\nfrom app import crud\n\nrouter = APIRouter()\n\n\n"
        '@router.post("/authors")\ndef add_author(name: str):\n    return crud.create_author(name)\n'
    ),
}


def dry_runs(roots: list[Path], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, *map(str, roots)],
        capture_output=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return proc.stdout


def test_every_dry_run_is_byte_identical_under_several_hash_seeds(tmp_path: Path) -> None:
    books = write_tree(tmp_path / "books", BOOKS)
    roots = [support.CORPUS / case / "before" for case in support.cases()] + [books]
    outputs = {seed: dry_runs(roots, seed) for seed in SEEDS}
    assert outputs["0"].count(b"=== ") == len(roots)
    assert b"src/books/router.py" in outputs["0"]
    for seed in SEEDS[1:]:
        assert outputs[seed] == outputs["0"], f"PYTHONHASHSEED={seed} differs from 0"


def test_a_name_the_split_layer_never_had_leaves_the_file_whole(tmp_path: Path) -> None:
    """`crud.get_book` (not in crud.py): the other uses follow, `crud` stays bound, the
    in-place run says a person is needed (exit 1)."""
    from forgeapi_migrate.cli import main

    root = write_tree(tmp_path / "books", BOOKS)
    assert main([str(root)]) == 1
    router = (root / "src/books/router.py").read_text()
    assert "from app" not in router
    assert "book_service.list_books()" in router and "crud.get_book(book_id)" in router
    assert "service as crud" in router
    compile(router, "router.py", "exec")
