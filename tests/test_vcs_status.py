"""`dirty_files` reads `git status --porcelain -z`: paths as they are (no quotes for spaces or
accents), a rename listed once by its new name, untracked files included."""

from __future__ import annotations

from pathlib import Path

from forgeapi_migrate.vcs import _porcelain_paths, dirty_files
from tests.helpers import git


def test_paths_with_spaces_accents_and_renames(tmp_path: Path) -> None:
    for name in ("a b.txt", "c.txt", "keep.txt"):
        (tmp_path / name).write_text("x\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "init")
    (tmp_path / "a b.txt").write_text("changed\n")
    git(tmp_path, "mv", "c.txt", "d.txt")
    (tmp_path / "ünïcode.txt").write_text("new\n")
    assert sorted(dirty_files(tmp_path) or []) == ["a b.txt", "d.txt", "ünïcode.txt"]


def test_clean_tree_has_no_dirty_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "init")
    assert dirty_files(tmp_path) == []


def test_porcelain_entries() -> None:
    assert _porcelain_paths("") == []
    assert _porcelain_paths(" M a\0R  new\0old\0C  copy\0src\0?? u\0") == ["a", "new", "copy", "u"]
