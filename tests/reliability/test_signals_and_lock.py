"""Signals and a second run (points 2 and 3), with the real command in a subprocess.

The test-only hook `FORGEAPI_MIGRATE_TEST_PAUSE_AFTER_WRITES` holds the writes after the Nth
and creates a marker file first: each test waits for the marker, not for a guessed time, then
sends its signal at a known point of the writes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from forgeapi_migrate.cli import main
from forgeapi_migrate.journal import journal_dir
from tests.reliability.conftest import PYTHON, build_project, lost_bytes, snapshot

PAUSE_AFTER = 4


def start_paused(project: Path, marker: Path, *args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "FORGEAPI_MIGRATE_TEST_PAUSE_AFTER_WRITES": str(PAUSE_AFTER),
        "FORGEAPI_MIGRATE_TEST_PAUSE_MARKER": str(marker),
    }
    process = subprocess.Popen(
        [PYTHON, "-m", "forgeapi_migrate", str(project), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            _, err = process.communicate()
            pytest.fail(f"the run never reached its pause (exit {process.returncode}): {err}")
        time.sleep(0.01)
    return process


@pytest.mark.parametrize(
    ("signum", "code", "name"),
    [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGINT, 130, "Ctrl-C")],
)
@pytest.mark.parametrize("git", [False, True], ids=["plain", "git"])
def test_sigterm_and_ctrl_c_mid_write_roll_back(
    tmp_path: Path, signum: int, code: int, name: str, git: bool
) -> None:
    project = build_project(tmp_path / "project", git=git)
    before = snapshot(project)
    process = start_paused(project, tmp_path / "paused", "--allow-dirty")
    assert (journal_dir(project) / "manifest.json").exists()  # paused mid-write
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert f"Interrupted ({name})" in err and "Traceback" not in err
    assert snapshot(project) == before
    assert not journal_dir(project).exists()


@pytest.mark.parametrize("git", [False, True], ids=["plain", "git"])
def test_after_sigkill_the_next_run_refuses_and_recover_restores_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], git: bool
) -> None:
    project = build_project(tmp_path / "project", git=git)
    before = snapshot(project)
    process = start_paused(project, tmp_path / "paused", "--allow-dirty")
    process.kill()
    process.communicate(timeout=60)
    half = snapshot(project)
    assert half != before and lost_bytes(before, half) > 0  # SIGKILL left a half-written tree
    assert any(path.startswith("src/") for path in half)  # ...with files the run created
    assert main([str(project), "--allow-dirty"]) == 2
    err = capsys.readouterr().err
    assert f"forgeapi-migrate {project} --recover" in err and "not a FastAPI" not in err
    assert main(["plan", str(project)]) == 2
    capsys.readouterr()
    assert main([str(project), "--recover"]) == 0
    assert snapshot(project) == before  # contents, modes, no created file or folder left
    assert not journal_dir(project).exists()
    assert main([str(project), "--recover"]) == 0  # a second recover: nothing to do
    assert "Nothing to recover" in capsys.readouterr().err
    assert main([str(project), "--allow-dirty"]) == 0  # and the migration now goes through


def test_a_second_run_on_the_same_tree_exits_2_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = build_project(tmp_path / "project")
    before = snapshot(project)
    first = start_paused(project, tmp_path / "paused")
    try:
        started = time.monotonic()
        for args in ([str(project)], [str(project), "--dry-run"], [str(project), "--recover"]):
            assert main(args) == 2
            assert "another forgeapi-migrate run is working on this tree" in (
                capsys.readouterr().err
            )
        assert time.monotonic() - started < 10  # refused at once, not after a wait
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=60)
    assert first.returncode == 143
    assert snapshot(project) == before
