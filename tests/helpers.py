"""Test helpers: small plans built from a move table, tree comparison, the benchmark's
project generator, git repositories."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path, PurePosixPath
from types import ModuleType

from forgeapi_migrate.plan import MigrationPlan, ModuleMove, missing_inits

IGNORED_NAMES = frozenset({"__pycache__", ".pytest_cache", ".git"})


def plan_from_moves(
    moves: dict[str, str], deletions: tuple[str, ...] = (), source: str = "app", target: str = "src"
) -> MigrationPlan:
    """A plan from `old path -> new path`, e.g. {"app/crud/user.py": "src/users/service.py"}."""
    move_list = tuple(ModuleMove(old, new, "domain") for old, new in moves.items())
    return MigrationPlan(source, target, move_list, deletions, missing_inits(target, move_list))


def tree_files(root: Path) -> dict[str, tuple[bytes, bool]]:
    """Every file under root (relative path -> bytes, executable bit), caches ignored."""
    files: dict[str, tuple[bytes, bool]] = {}
    for path in sorted(root.rglob("*")):
        rel = PurePosixPath(path.relative_to(root).as_posix())
        if any(part in IGNORED_NAMES for part in rel.parts) or path.suffix == ".db":
            continue
        if path.is_file():
            files[str(rel)] = (path.read_bytes(), bool(path.stat().st_mode & 0o100))
    return files


def benchmark_generator() -> ModuleType:
    """`benchmarks/generate.py` (not a package), loaded from its file."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` (a failure raises); its output, stripped. Commits the tests make get an
    identity of their own, whatever the machine's git configuration says."""
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def init_repo(path: Path, user: str, email: str, message: str = "initial", url: str = "") -> Path:
    """The files at `path` as a git repository on `main` with one commit, `user` configured
    as the identity of the commits made in it later (the tool's), and `url` as its origin."""
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", user)
    git(path, "config", "user.email", email)
    if url:
        git(path, "remote", "add", "origin", url)
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", message)
    return path
