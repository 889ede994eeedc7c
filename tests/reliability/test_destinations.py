"""Paths stay inside the project (point 5): a destination through a symlinked folder, or into
`.git/`, is refused with exit 2 before anything is written, inside the tree or out of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forgeapi_migrate.changeset import FileChange
from forgeapi_migrate.cli import main
from forgeapi_migrate.emit import write_changeset
from forgeapi_migrate.errors import MigrationError
from tests.reliability.conftest import build_project, snapshot


def edited_plan(project: Path, tmp_path: Path, new: str) -> Path:
    plan_file = tmp_path / "plan.toml"
    assert main(["plan", str(project), "--plan-file", str(plan_file)]) == 0
    text = plan_file.read_text()
    text, count = re.subn(r'new = "src/users/router\.py"', f'new = "{new}"', text)
    assert count == 1
    plan_file.write_text(text)
    return plan_file


def test_a_plan_destination_through_a_symlinked_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = build_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "linked").symlink_to(outside, target_is_directory=True)
    plan_file = edited_plan(project, tmp_path, "linked/router.py")
    capsys.readouterr()
    before = snapshot(project)
    assert main([str(project), "--plan-file", str(plan_file)]) == 2
    err = capsys.readouterr().err
    assert "linked/router.py" in err and "outside the project" in err
    assert list(outside.iterdir()) == []
    assert snapshot(project) == before
    assert main([str(project), "--plan-file", str(plan_file), "--dry-run"]) == 2


def test_a_plan_destination_inside_git_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = build_project(tmp_path / "project", git=True)
    plan_file = edited_plan(project, tmp_path, ".git/hooks/post_checkout.py")
    capsys.readouterr()
    before = snapshot(project)
    assert main([str(project), "--plan-file", str(plan_file), "--allow-dirty"]) == 2
    assert ".git/hooks/post_checkout.py" in capsys.readouterr().err
    assert not (project / ".git/hooks/post_checkout.py").exists()
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "destination", [".git/hooks/post-checkout", "../escaped.txt", "app/../../escaped.txt"]
)
def test_the_writer_refuses_any_destination_outside_or_in_git(
    tmp_path: Path, destination: str
) -> None:
    """The last line of defence, whichever stage (plan file, resources, scaffold) named it."""
    project = build_project(tmp_path / "project", git=True)
    before = snapshot(project)
    changes = [
        FileChange(None, "src/__init__.py", b"", b""),
        FileChange(None, destination, b"", b"#!/bin/sh\necho owned\n", 0o100755),
    ]
    with pytest.raises(MigrationError, match="refusing to write"):
        write_changeset(project, changes)
    assert snapshot(project) == before
    assert not (tmp_path / "escaped.txt").exists()
    assert not (project / ".git/hooks/post-checkout").exists()
