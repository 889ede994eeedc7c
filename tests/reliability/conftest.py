"""The reliability suite: each test injects one fault into a run and compares the tree, byte for
byte and mode for mode, with a snapshot taken before it (issue 17).

`project` is the small layered project of `tests/conftest.py` with uneven permission bits (a
private file, a group-writable one, an executable script, a 0o750 folder) and an uncommitted
edit, so that a restore that rewrites with default modes, or loses the edit, shows.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINI_PROJECT, write_tree
from tests.helpers import git as run_git

Snapshot = dict[str, tuple[str, int, bytes]]
SKIPPED = frozenset({".git", "__pycache__"})
PYTHON = str(Path(sys.executable))


def snapshot(root: Path) -> Snapshot:
    """Every file and folder below root (`.git/` and caches left out): kind, mode bits, bytes."""
    found: Snapshot = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if SKIPPED & set(rel.parts):
            continue
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            found[rel.as_posix()] = ("link", 0, os.readlink(path).encode())
        elif stat.S_ISDIR(info.st_mode):
            found[rel.as_posix()] = ("dir", stat.S_IMODE(info.st_mode), b"")
        else:
            found[rel.as_posix()] = ("file", stat.S_IMODE(info.st_mode), path.read_bytes())
    return found


def lost_bytes(before: Snapshot, after: Snapshot) -> int:
    """The bytes of the original tree that are missing or different now."""
    return sum(
        len(data) for path, (_, _, data) in before.items() if after.get(path) != before[path]
    )


def build_project(root: Path, git: bool = False) -> Path:
    write_tree(root, dict(MINI_PROJECT))
    (root / "scripts").mkdir()
    (root / "scripts/serve.sh").write_text("#!/bin/sh\nexec uvicorn app.main:app\n")
    (root / "scripts/serve.sh").chmod(0o755)
    (root / "app/crud/crud_user.py").chmod(0o600)
    (root / "app/main.py").chmod(0o664)
    (root / "app/models").chmod(0o750)
    if git:
        for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "layered"]):
            run_git(root, *command)
    # the uncommitted edit the failed rollback deleted
    with (root / "app/core/config.py").open("a") as handle:
        handle.write("# an uncommitted edit\n")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return build_project(tmp_path / "project")


class FileSystemFault:
    """From the `after`-th change of the tree on, every change fails with `error` (a disk that
    fills up, a file system remounted read-only, a folder made immutable): writes, replaces,
    renames, unlinks and folder creations below `root`, the journal's folder excepted. With
    `times`, only that many calls fail (a fault that clears: a temporary that filled the disk)."""

    CALLS = ("open", "replace", "rename", "unlink", "mkdir", "rmdir")

    def __init__(
        self, root: Path, after: int, error: int, only: str | None, times: int | None
    ) -> None:
        self.root, self.after, self.error, self.only = str(root.resolve()), after, error, only
        self.times = times
        self.count = 0
        self.injected = 0
        self.real: dict[str, Callable[..., Any]] = {name: getattr(os, name) for name in self.CALLS}

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for name in self.CALLS:
            monkeypatch.setattr(os, name, self._wrap(name))

    def _wrap(self, name: str) -> Callable[..., Any]:
        real = self.real[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            path = str(args[1] if name in ("replace", "rename") else args[0])
            flags = args[1] if name == "open" and len(args) > 1 else os.O_WRONLY
            changes = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and not (
                name == "mkdir" and os.path.isdir(path)  # `mkdir(exist_ok=True)`: no change
            )
            if changes and self._counts(path):
                self.count += 1
                if self.count > self.after and self.injected != self.times:
                    self.injected += 1
                    raise OSError(self.error, os.strerror(self.error), path)
            return real(*args, **kwargs)

        return call

    def _counts(self, path: str) -> bool:
        path = os.path.abspath(path)
        if not path.startswith(self.root + os.sep) or "forgeapi-migrate" in path:
            return False
        return self.only is None or path.endswith(self.only)


@pytest.fixture
def fault(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., FileSystemFault]]:
    def make(
        root: Path,
        after: int,
        error: int = errno.EACCES,
        only: str | None = None,
        times: int | None = None,
    ) -> FileSystemFault:
        injected = FileSystemFault(root, after, error, only, times)
        injected.install(monkeypatch)
        return injected

    yield make
