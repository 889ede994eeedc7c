"""`forgeapi-migrate batch` over throw-away repositories built from a corpus case."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from forgeapi_migrate import batch
from forgeapi_migrate.cli import main
from tests.corpus_tests.support import CORPUS
from tests.helpers import git, init_repo, tree_files

CASE = CORPUS / "fullstack_routes/before"
BRANCH = "forgeapi-migrate/domain-first"


def make_repo(path: Path, sub: str = "") -> Path:
    shutil.copytree(CASE, path / sub if sub else path)
    init_repo(path, "Batch Tester", "batch@example.com")
    hook = path / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n")  # the repository's own hooks must not run
    hook.chmod(0o755)
    return path


def state(repo: Path) -> tuple[str, str, dict[str, tuple[bytes, bool]]]:
    return (
        git(repo, "rev-parse", "--abbrev-ref", "HEAD"),
        git(repo, "status", "--porcelain"),
        {p: b for p, b in tree_files(repo).items() if not p.startswith(".git/")},
    )


@pytest.fixture
def fleet(tmp_path: Path) -> dict[str, Path]:
    root = tmp_path / "fleet"
    repos = {
        "clean": make_repo(root / "clean"),
        "migrated": make_repo(root / "migrated"),
        "dirty": make_repo(root / "dirty"),
        "broken": make_repo(root / "broken"),
    }
    assert main([str(repos["migrated"])]) == 0
    git(repos["migrated"], "add", "-A")
    git(repos["migrated"], "commit", "-q", "--no-verify", "-m", "migrated by hand")
    (repos["dirty"] / "notes.txt").write_text("wip\n")
    (repos["broken"] / "app/crud/oops.py").write_text("def f(:\n")
    git(repos["broken"], "add", "-A")
    git(repos["broken"], "commit", "-q", "--no-verify", "-m", "broken")
    return repos


def test_batch_outcomes_and_untouched_work_trees(fleet: dict[str, Path], tmp_path: Path) -> None:
    before = {name: state(repo) for name, repo in fleet.items()}
    report_file = tmp_path / "report.json"
    assert (
        main(["batch", str(tmp_path / "fleet"), "--jobs", "2", "--report", str(report_file)]) == 1
    )
    results = {Path(r["path"]).name: r for r in json.loads(report_file.read_text())["results"]}
    assert results["clean"]["status"] == "migrated"
    assert results["clean"]["files_moved"] == 18
    assert results["migrated"]["status"] == "up-to-date"
    assert results["dirty"]["status"] == "skipped-dirty"
    assert results["broken"]["status"] == "failed"
    assert "app/crud/oops.py:1" in results["broken"]["error"]
    assert {name: state(repo) for name, repo in fleet.items()} == before
    clean = fleet["clean"]
    assert git(clean, "log", "-1", "--format=%an <%ae>|%s", BRANCH) == (
        "Batch Tester <batch@example.com>|Migrate to the domain-first layout (forgeapi-migrate 0.1.0)"
    )
    assert results["clean"]["commit"] == git(clean, "rev-parse", BRANCH)
    assert "src/users/router.py" in git(clean, "ls-tree", "-r", "--name-only", BRANCH)
    for name in ("migrated", "dirty", "broken"):
        assert git(fleet[name], "branch", "--list", BRANCH) == ""
    # a re-run finds the migration on the branch: no second commit
    assert main(["batch", str(tmp_path / "fleet"), "--report", str(report_file)]) == 1
    again = {Path(r["path"]).name: r for r in json.loads(report_file.read_text())["results"]}
    assert again["clean"]["status"] == "done"
    assert git(clean, "rev-parse", BRANCH) == results["clean"]["commit"]


def test_dry_run_writes_one_diff_per_repository(fleet: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "diffs"
    before = {name: state(repo) for name, repo in fleet.items()}
    main(["batch", str(tmp_path / "fleet"), "--dry-run", "--output", str(out)])
    assert sorted(p.name for p in out.iterdir()) == ["clean.diff"]
    subprocess.run(
        ["git", "apply", "--check", str(out / "clean.diff")], cwd=fleet["clean"], check=True
    )
    assert {name: state(repo) for name, repo in fleet.items()} == before
    assert git(fleet["clean"], "branch", "--list", BRANCH) == ""


def test_list_file_with_a_sub_folder_and_failing_tests(tmp_path: Path) -> None:
    mono = make_repo(tmp_path / "mono", sub="services/api")
    listing = tmp_path / "repos.txt"
    listing.write_text("# the platform's services\nmono:services/api\n")
    before = state(mono)
    report_file = tmp_path / "report.json"
    code = main(
        ["batch", str(listing), "--test-cmd", "test ! -d src", "--report", str(report_file)]
    )
    assert code == 1
    [result] = json.loads(report_file.read_text())["results"]
    assert result["status"] == "failed-tests"
    assert state(mono) == before
    files = git(mono, "ls-tree", "-r", "--name-only", BRANCH)  # kept for inspection
    assert "services/api/src/main.py" in files


def test_ctrl_c_leaves_every_repository_on_its_branch(
    fleet: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {name: state(repo) for name, repo in fleet.items()}
    real_commit = batch.Checkout.commit_all

    def interrupted(self: batch.Checkout, message: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch.Checkout, "commit_all", interrupted)
    assert main(["batch", str(tmp_path / "fleet")]) == 130
    monkeypatch.setattr(batch.Checkout, "commit_all", real_commit)
    assert {name: state(repo) for name, repo in fleet.items()} == before
    assert git(fleet["clean"], "branch", "--list", BRANCH) == ""
