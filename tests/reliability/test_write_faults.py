"""Faults while writing (points 1 and 4): whatever fails, the tree ends as it was, or the one
line on stderr says how to finish (`--recover`), and then it is as it was."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from forgeapi_migrate.cli import main
from forgeapi_migrate.journal import journal_dir
from tests.reliability.conftest import FileSystemFault, build_project, lost_bytes, snapshot

Fault = Callable[..., FileSystemFault]

# A run of the small project changes the tree about 25 times (folders, files, unlinks).
WRITE_FAULTS = [
    pytest.param(after, error, id=f"{errno.errorcode[error]}-after-{after}")
    for error in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC)
    for after in (0, 3, 12, 20)
]


@pytest.mark.parametrize(("after", "error"), WRITE_FAULTS)
def test_a_write_that_fails_mid_run_leaves_the_tree_as_it_was(
    project: Path, fault: Fault, capsys: pytest.CaptureFixture[str], after: int, error: int
) -> None:
    """The fault stops the writes; it clears before the rollback (a full disk that one
    temporary filled): the rollback puts everything back."""
    before = snapshot(project)
    injected = fault(project, after, error, times=1)
    assert main([str(project)]) == 2
    err = capsys.readouterr().err
    assert injected.injected == 1
    assert "Traceback" not in err and "--recover" not in err
    assert os.strerror(error) in err
    assert snapshot(project) == before
    assert not journal_dir(project).exists()


@pytest.mark.parametrize("after", [0, 5, 15])
def test_a_file_system_that_turns_read_only_for_good_leaves_a_journal_and_recover_finishes(
    project: Path,
    fault: Fault,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    after: int,
) -> None:
    """EROFS mid-run and for the rest of it: the rollback itself fails. The message says
    how to finish; the next run refuses; `--recover` restores byte for byte."""
    before = snapshot(project)
    injected = fault(project, after, errno.EROFS)
    assert main([str(project)]) == 2
    err = capsys.readouterr().err
    assert f"forgeapi-migrate {project} --recover" in err
    assert "Traceback" not in err and "Nothing was written" not in err
    assert injected.injected >= 2  # the write and the rollback both failed
    if after:
        assert snapshot(project) != before  # the fault really left a half-written tree
    monkeypatch.undo()  # the file system is writable again
    assert main([str(project), "--dry-run"]) == 2  # refuses to read a half-written tree
    assert "--recover" in capsys.readouterr().err
    assert main([str(project), "--recover"]) == 0
    assert "Recovered" in capsys.readouterr().err
    assert snapshot(project) == before
    assert lost_bytes(before, snapshot(project)) == 0
    assert not journal_dir(project).exists()


def test_an_immutable_file_the_run_edits_is_reported_and_nothing_is_lost(
    tmp_path: Path, fault: Fault, capsys: pytest.CaptureFixture[str]
) -> None:
    """`chattr +i` in-process: every change of one file fails (EPERM). The issue's case: a
    git tree, `--allow-dirty`, an uncommitted edit elsewhere that must survive."""
    project = build_project(tmp_path / "project", git=True)
    before = snapshot(project)
    fault(project, 0, errno.EPERM, only="tests/test_users.py")
    assert main([str(project), "--allow-dirty"]) == 2
    err = capsys.readouterr().err
    assert "test_users.py" in err and "not permitted" in err
    assert snapshot(project) == before
    assert not (project / ".git/forgeapi-migrate/journal").exists()


@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr (e2fsprogs)")
def test_a_real_immutable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = build_project(tmp_path / "project")
    target = project / "tests/test_users.py"
    if subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i needs root and a file system that supports it (not tmpfs)")
    try:
        before = snapshot(project)
        assert main([str(project)]) == 2
        assert "test_users.py" in capsys.readouterr().err
        assert snapshot(project) == before
    finally:
        subprocess.run(["chattr", "-i", str(target)], check=True)


def test_an_unwritable_plan_file_is_one_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = project / "no/such/folder/plan.toml"
    assert main(["plan", str(project), "--plan-file", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "No such file" in err and "Traceback" not in err


def test_an_unwritable_batch_report_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "repos").mkdir()
    target = tmp_path / "missing/report.json"
    assert main(["batch", str(tmp_path / "repos"), "--report", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err


def test_an_internal_error_is_exit_3_with_the_traceback_only_under_debug(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(*args: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("forgeapi_migrate.pipeline.verify_changeset", bug)
    before = snapshot(project)
    assert main([str(project)]) == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "ZeroDivisionError: a bug" in err and "--debug" in err
    assert "Traceback" not in err
    assert main([str(project), "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err
    assert snapshot(project) == before
