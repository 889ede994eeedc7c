"""`batch` under faults (issue 17, point 6): a test command that hangs, Ctrl-C (once, twice)
and SIGTERM while test commands run in two workers, a tool branch the base has moved past,
and folders of a folder source that are no work tree.

The test command writes its shell's pid and a background child's pid (a test runner's worker)
into a marker folder, then waits: each signal test waits for the markers, not for a guessed
time, then signals the batch and checks every repository and that both processes are gone.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

import pytest

from forgeapi_migrate.cli import main
from tests.conftest import MINI_PROJECT, write_tree
from tests.helpers import git, init_repo
from tests.reliability.conftest import PYTHON, snapshot

BRANCH = "forgeapi-migrate/domain-first"
# A shell (its pid in NAME.pid, written last: the marker) and a background child (NAME.child)
# that ignores SIGINT, as a non-interactive shell's background jobs do.
HANGING_TESTS = (
    'name=$(basename "$PWD"); sleep 60 & echo $! > "$MARKERS/$name.child"; '
    'echo $$ > "$MARKERS/$name.tmp"; mv "$MARKERS/$name.tmp" "$MARKERS/$name.pid"; wait'
)


def make_repo(path: Path) -> Path:
    write_tree(path, dict(MINI_PROJECT))
    return init_repo(path, "Batch Tester", "batch@example.com", message="layered")


def repo_state(repo: Path) -> tuple[str, str, str, object]:
    """Branch checked out, `git status`, the tool's branch (if any) and the tree, byte for byte."""
    return (
        git(repo, "rev-parse", "--abbrev-ref", "HEAD"),
        git(repo, "status", "--porcelain", "--untracked-files=all"),
        git(repo, "branch", "--list", BRANCH),
        snapshot(repo),
    )


def is_gone(pid: int) -> bool:
    """Ended: no such process, or a zombie waiting for a parent (init) to reap it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state == "Z"


def wait_until_gone(pids: Iterable[int], seconds: float = 10) -> list[int]:
    """The pids still alive after `seconds`: a killed process needs a moment to exit."""
    deadline = time.monotonic() + seconds
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if not is_gone(pid)]
        time.sleep(0.01)
    return alive


def read_pids(markers: Path) -> list[int]:
    return [int(p.read_text()) for p in markers.iterdir() if p.suffix in (".pid", ".child")]


@pytest.fixture
def fleet(tmp_path: Path) -> Path:
    for name in ("one", "two", "three"):
        make_repo(tmp_path / "fleet" / name)
    return tmp_path / "fleet"


def test_a_hanging_test_command_is_killed_with_its_children(
    fleet: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    markers = tmp_path / "markers"
    markers.mkdir()
    monkeypatch.setenv("MARKERS", str(markers))
    repo = fleet / "one"
    listing = tmp_path / "repos.txt"
    listing.write_text("fleet/one\n")
    before = repo_state(repo)
    report_file = tmp_path / "report.json"
    started = time.monotonic()
    options = ["--test-cmd", HANGING_TESTS, "--test-timeout", "1", "--report", str(report_file)]
    assert main(["batch", str(listing), *options]) == 1
    assert time.monotonic() - started < 30  # not the command's 60 s
    [result] = json.loads(report_file.read_text())["results"]
    assert result["status"] == "failed-tests"
    assert "timed out after 1 s" in result["error"]
    assert wait_until_gone(read_pids(markers)) == []
    assert len(read_pids(markers)) == 2
    assert repo_state(repo)[:2] == before[:2] and repo_state(repo)[3] == before[3]
    assert "src/main.py" in git(repo, "ls-tree", "-r", "--name-only", BRANCH)  # kept


@pytest.mark.parametrize(
    ("signals", "to_group", "code"),
    [
        ([signal.SIGINT], True, 130),  # a terminal's Ctrl-C: the whole foreground group
        ([signal.SIGINT, signal.SIGINT], True, 130),  # and a second one, while it stops
        ([signal.SIGTERM], False, 143),  # `timeout`, `docker stop`, a CI runner
    ],
    ids=["ctrl-c", "ctrl-c-twice", "sigterm"],
)
def test_signals_while_tests_run_restore_every_repository_and_end_every_child(
    fleet: Path, tmp_path: Path, signals: list[signal.Signals], to_group: bool, code: int
) -> None:
    """The second Ctrl-C comes once a test shell has ended: while the batch is stopping."""
    markers = tmp_path / "markers"
    markers.mkdir()
    before = {repo.name: repo_state(repo) for repo in fleet.iterdir()}
    command = ["batch", str(fleet), "--jobs", "2", "--test-cmd", HANGING_TESTS]
    process = subprocess.Popen(
        [PYTHON, "-m", "forgeapi_migrate", *command],
        env={**os.environ, "MARKERS": str(markers), "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, as a shell's foreground job
    )
    try:
        deadline = time.monotonic() + 60
        while len(list(markers.glob("*.pid"))) < 2:  # both workers are in their tests
            assert process.poll() is None and time.monotonic() < deadline, "no test started"
            time.sleep(0.01)
        shells = [int(p.read_text()) for p in markers.glob("*.pid")]
        for number, signum in enumerate(signals):
            while number and process.poll() is None and all(not is_gone(p) for p in shells):
                time.sleep(0.01)
            with suppress(ProcessLookupError):  # it may have ended: nothing left to stop
                if to_group:
                    os.killpg(process.pid, signum)
                else:
                    process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == code, err
    assert "Interrupted" in err and "Traceback" not in err
    assert {repo.name: repo_state(repo) for repo in fleet.iterdir()} == before, err
    assert len(read_pids(markers)) == 4
    assert wait_until_gone(read_pids(markers)) == []


def test_a_branch_the_base_moved_past_is_stale_not_done(
    fleet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = fleet / "one"
    listing = tmp_path / "repos.txt"
    listing.write_text("fleet/one\n")
    assert main(["batch", str(listing)]) == 0
    migrated = git(repo, "rev-parse", BRANCH)
    (repo / "app/crud/crud_item.py").write_text("def get(iid):\n    return iid\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new work on main")
    before = repo_state(repo)
    report_file = tmp_path / "report.json"
    assert main(["batch", str(listing), "--report", str(report_file)]) == 1
    [result] = json.loads(report_file.read_text())["results"]
    assert result["status"] == "stale"
    assert f"git branch -D {BRANCH}" in result["error"] and "rebase it onto main" in result["error"]
    assert git(repo, "rev-parse", BRANCH) == migrated  # nothing committed on it
    assert repo_state(repo) == before
    assert "stale" in capsys.readouterr().err
    git(repo, "branch", "-D", BRANCH)  # the way out the message gives first
    assert main(["batch", str(listing), "--report", str(report_file)]) == 0
    assert json.loads(report_file.read_text())["results"][0]["status"] == "migrated"
    git(repo, "merge-base", "--is-ancestor", "main", BRANCH)  # the new work is on it


def test_folders_that_are_no_work_tree_are_reported(
    fleet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "clone", "-q", "--bare", str(fleet / "one"), str(fleet / "bare.git"))
    (fleet / "notes").mkdir()  # a plain folder
    (fleet / ".cache").mkdir()  # hidden: not a repository of the fleet
    (fleet / "README.txt").write_text("the team's services\n")
    for name in ("two", "three"):
        shutil.rmtree(fleet / name)
    report_file = tmp_path / "report.json"
    assert main(["batch", str(fleet), "--report", str(report_file)]) == 1
    results = {Path(r["path"]).name: r for r in json.loads(report_file.read_text())["results"]}
    assert sorted(results) == ["bare.git", "notes", "one"]
    assert results["one"]["status"] == "migrated"
    assert results["bare.git"]["status"] == "skipped-no-work-tree"
    assert "bare repository" in results["bare.git"]["error"]
    assert results["notes"]["status"] == "skipped-no-work-tree"
    assert "not a git repository" in results["notes"]["error"]
    err = capsys.readouterr().err
    assert "bare.git" in err and "skipped-no-work-tree" in err  # in the table too
