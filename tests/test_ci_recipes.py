"""The README's "Use in pre-commit and CI", as written: the hooks file is a valid pre-commit
manifest whose hook fails on a layered project (`pre-commit try-repo`) and, used through the
README's `.pre-commit-config.yaml`, fails there and passes once it is migrated; the workflow's
check step writes a report that validates and a SARIF file."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from forgeapi_migrate.cli import main
from tests.helpers import git
from tests.test_json_schema import schema
from tests.test_packaging import ROOT, copy_source_tree, run

LAYERED = ROOT / "corpus/fullstack_routes/before"
BIN = Path(sys.executable).parent  # where the editable install put `forgeapi-migrate`


def readme_yaml(first_line: str) -> str:
    """The README's yaml block that starts with `first_line`."""
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    [block] = [b for b in blocks if b.startswith(first_line + "\n")]
    return block


def hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    [only] = [h for h in hooks if h["id"] == "forgeapi-migrate-check"]
    return dict(only)


def git_project(path: Path) -> Path:
    shutil.copytree(LAYERED, path)
    git(path, "init", "-q")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "layered")
    return path


def test_hooks_file_is_a_valid_manifest() -> None:
    pytest.importorskip("pre_commit")
    manifest = ROOT / ".pre-commit-hooks.yaml"
    done = run(sys.executable, "-m", "pre_commit", "validate-manifest", manifest)
    assert done.returncode == 0, done.stdout + done.stderr
    wanted = {
        "entry": "forgeapi-migrate --check",
        "args": ["."],
        "language": "python",
        "pass_filenames": False,  # the whole project, whatever files changed
        "always_run": True,
    }
    assert {key: hook()[key] for key in wanted} == wanted


def test_readme_pre_commit_config_is_valid(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(readme_yaml("# .pre-commit-config.yaml"))
    done = run(sys.executable, "-m", "pre_commit", "validate-config", config)
    assert done.returncode == 0, done.stdout + done.stderr
    [repo] = yaml.safe_load(config.read_text())["repos"]
    assert [h["id"] for h in repo["hooks"]] == [hook()["id"]]


def test_hook_command_fails_until_the_project_is_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What pre-commit runs: the entry, then the args, from the repository's root.
    program, *options = shlex.split(hook()["entry"])
    assert program == "forgeapi-migrate"
    monkeypatch.chdir(git_project(tmp_path / "project"))
    assert main([*options, *hook()["args"]]) == 1
    assert main(["."]) == 0
    assert main([*options, *hook()["args"]]) == 0


def test_workflow_check_step_writes_the_report_and_sarif(tmp_path: Path) -> None:
    workflow = yaml.safe_load(readme_yaml("# .github/workflows/forgeapi-migrate.yml"))
    steps = workflow["jobs"]["layout"]["steps"]
    [check] = [s for s in steps if s.get("run", "").startswith("forgeapi-migrate ")]
    uploaded = {s["with"].get("path") or s["with"].get("sarif_file") for s in steps if "with" in s}
    assert {"forgeapi-migrate.json", "forgeapi-migrate.sarif"} <= uploaded
    project = shutil.copytree(LAYERED, tmp_path / "checkout")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", check["run"]], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr  # a migration is pending: the job fails
    report = json.loads((project / "forgeapi-migrate.json").read_text())
    jsonschema.Draft202012Validator(schema("report")).validate(report)
    assert report["pending"] is True
    sarif = json.loads((project / "forgeapi-migrate.sarif").read_text())
    assert sarif["version"] == "2.1.0"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hook repository as it would be tagged: this work tree's release files, committed."""
    pytest.importorskip("pre_commit")
    repo = copy_source_tree(tmp_path_factory.mktemp("hook-repo"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "release")
    return repo


@pytest.mark.network
def test_try_repo_fails_on_a_layered_project(hook_repo: Path, tmp_path: Path) -> None:
    """As the README suggests before adding the hook (try-repo builds the hook's environment
    in a store of its own, every time)."""
    project = git_project(tmp_path / "project")
    tried = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook()["id"]],
        cwd=project,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert re.search(r"forgeapi-migrate --check\.+Failed", tried.stdout)
    assert "Migration pending" in tried.stdout


@pytest.mark.network
def test_readme_pre_commit_config_fails_then_passes(hook_repo: Path, tmp_path: Path) -> None:
    """pre-commit builds the hook's environment from the hook repository (pip, from the
    index) once, then reuses it: the second run is quick."""
    config = readme_yaml("# .pre-commit-config.yaml")
    config = config.replace("https://github.com/forgeapi/forgeapi-migrate", str(hook_repo))
    config = config.replace("rev: v0.1.0", f"rev: {git(hook_repo, 'rev-parse', 'HEAD')}")
    project = shutil.copytree(LAYERED, tmp_path / "project")
    (project / ".pre-commit-config.yaml").write_text(config)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "layered")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def pre_commit_run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    layered = pre_commit_run()
    assert layered.returncode == 1, layered.stdout + layered.stderr
    assert re.search(r"forgeapi-migrate --check\.+Failed", layered.stdout)
    assert "Migration pending" in layered.stdout

    assert main([str(project)]) == 0
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "domain-first")
    migrated = pre_commit_run()
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    assert re.search(r"forgeapi-migrate --check\.+Passed", migrated.stdout)
