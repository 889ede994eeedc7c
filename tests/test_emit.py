"""The dry-run diff is the truth: `git apply` of it gives the written bytes exactly."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

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
