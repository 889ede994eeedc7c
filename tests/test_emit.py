"""The dry-run diff is the truth: `git apply` of it gives the written bytes exactly."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forgeapi_migrate.changeset import FileChange
from forgeapi_migrate.emit import render_diff, write_changeset

LINES = st.sampled_from(
    [
        b"import a\n",
        b"x = 1\r\n",
        b"\n",
        b"# \xc3\xa9t\xc3\xa9\n",
        b"y = 2",
        b"\tz = 3\n",
        b"from b import c\n",
    ]
)
CONTENT = st.lists(LINES, max_size=12).map(b"".join)


@settings(max_examples=60, deadline=None)
@given(old=CONTENT, new=CONTENT, rename=st.booleans(), executable=st.booleans())
def test_git_apply_of_the_diff_equals_the_written_tree(
    old: bytes, new: bytes, rename: bool, executable: bool
) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        root = Path(workdir)
        applied, written = root / "applied", root / "written"
        for tree in (applied, written):
            (tree / "app").mkdir(parents=True)
            (tree / "app/mod.py").write_bytes(old)
            (tree / "app/mod.py").chmod(0o755 if executable else 0o644)
        mode = 0o100755 if executable else 0o100644
        change = FileChange("app/mod.py", "src/mod.py" if rename else "app/mod.py", old, new, mode)
        if change.is_noop:
            return
        diff = render_diff([change, FileChange(None, "src/__init__.py", b"", b"")])
        subprocess.run(["git", "apply", "-"], cwd=applied, input=diff, check=True)
        write_changeset(written, [change, FileChange(None, "src/__init__.py", b"", b"")])
        for tree in (applied, written):
            target = tree / (change.new_path or "")
            assert target.read_bytes() == new
            assert bool(target.stat().st_mode & 0o100) == executable
            assert (tree / "src/__init__.py").read_bytes() == b""
            assert (tree / "app/mod.py").exists() == (not rename)


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mode & 0o777)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _fails_once(real: Callable[..., None]) -> Callable[..., None]:
    """Interrupts the first call; the rollback's own writes then go through."""
    calls: list[object] = []

    def fail(*args: object) -> None:
        calls.append(args)
        if len(calls) == 1:
            raise KeyboardInterrupt
        real(*args)

    return fail


def test_writes_keep_modes_and_a_failure_in_either_kind_of_write_restores_the_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app/run.sh").write_bytes(b"#!/bin/sh\n")
    (tmp_path / "app/run.sh").chmod(0o755)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests/test_a.py").write_bytes(b"import app.a\n")
    changes = [
        FileChange("app/run.sh", "src/run.sh", b"#!/bin/sh\n", b"#!/bin/sh\n", 0o100755),
        FileChange("tests/test_a.py", "tests/test_a.py", b"import app.a\n", b"import src.a\n"),
        FileChange(None, "src/__init__.py", b"", b""),
    ]
    before = _tree(tmp_path)
    for broken in ("fchmod", "replace", "rename"):  # a new file, an edited one, a moved one
        with monkeypatch.context() as patched:
            patched.setattr(os, broken, _fails_once(getattr(os, broken)))
            with pytest.raises(KeyboardInterrupt):
                write_changeset(tmp_path, changes)
        assert _tree(tmp_path) == before, broken
        assert not (tmp_path / "src").exists()
    write_changeset(tmp_path, changes)
    assert _tree(tmp_path) == {
        "src/__init__.py": (b"", 0o644),
        "src/run.sh": (b"#!/bin/sh\n", 0o755),
        "tests/test_a.py": (b"import src.a\n", 0o644),
    }
