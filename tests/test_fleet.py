"""A fleet on an existing engine: the one-repository form, the recipes in examples/fleet/,
and 20 throw-away repositories split into 4 shards and merged again."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from forgeapi_migrate import batch, shard
from forgeapi_migrate.cli import main
from forgeapi_migrate.pipeline import Report, RunOptions
from tests.conftest import MINI_PROJECT, write_tree
from tests.helpers import git, init_repo

FLEET = Path(__file__).resolve().parent.parent / "examples" / "fleet"
BRANCH = "forgeapi-migrate/domain-first"


def make_clone(path: Path, extra: dict[str, str | bytes] | None = None, url: str = "") -> Path:
    write_tree(path, {**MINI_PROJECT, **(extra or {})})
    return init_repo(path, "Fleet Tester", "fleet@example.com", url=url)


def run_in_clone(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, dict[str, Any]]:
    """What multi-gitter or all-repos run in each clone: `forgeapi-migrate . --json`."""
    monkeypatch.chdir(repo)
    capsys.readouterr()
    code = main([".", "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_one_repository_form_exits_0_1_or_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = make_clone(tmp_path / "changed")
    code, data = run_in_clone(changed, monkeypatch, capsys)
    assert (code, data["written"], data["pending"]) == (0, True, False)
    assert (changed / "src/users/router.py").is_file()
    code, data = run_in_clone(changed, monkeypatch, capsys)  # nothing left to do
    assert (code, data["written"], data["files_moved"]) == (0, False, 0)

    star = {"tests/test_star.py": "from app.api.routes import *\n"}
    needs_a_person = make_clone(tmp_path / "needs-a-person", star)
    code, data = run_in_clone(needs_a_person, monkeypatch, capsys)
    assert (code, data["written"], data["pending"]) == (1, True, True)
    assert any(w["unresolved"] and w["path"] == "tests/test_star.py" for w in data["warnings"])

    refused = make_clone(tmp_path / "refused", {"app/crud/oops.py": "def f(:\n"})
    code, data = run_in_clone(refused, monkeypatch, capsys)
    assert code == 2 and data["path"] == "app/crud/oops.py"
    assert git(refused, "status", "--porcelain") == ""  # nothing written

    dirty = make_clone(tmp_path / "dirty")
    (dirty / "notes.txt").write_text("wip\n")
    code, data = run_in_clone(dirty, monkeypatch, capsys)
    assert code == 2 and "uncommitted" in data["error"]


def results_of(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text())
    rows: list[dict[str, Any]] = data["results"] if isinstance(data, dict) else data
    return rows


def test_twenty_repositories_in_four_shards_merge_to_each_once(tmp_path: Path) -> None:
    urls = [f"https://git.example.com/acme/service-{i:02d}.git" for i in range(20)]
    fleet = tmp_path / "fleet"
    repos = [make_clone(fleet / f"service-{i:02d}", url=url) for i, url in enumerate(urls)]
    reports = []
    for k in range(1, 5):
        report = tmp_path / f"report-{k}.json"
        args = ["batch", str(fleet), "--shard", f"{k}/4", "--jobs", "2", "--report", str(report)]
        assert main(args) == 0
        reports.append(report)
        # the clones of shard k are the lines that the URL helper gives shard k
        names = {Path(r["path"]).name for r in results_of(report)}
        chosen = shard.select_lines(urls, shard.parse_shard(f"{k}/4"))
        assert names == {Path(url).stem for url in chosen}
        assert names  # 20 repositories leave no shard of 4 empty
    merged = tmp_path / "all.json"
    assert main(["batch-report", "merge", *map(str, reports), "-o", str(merged)]) == 0
    rows = results_of(merged)
    assert sorted(r["path"] for r in rows) == sorted(str(repo) for repo in repos)
    assert {r["status"] for r in rows} == {"migrated"}
    for repo, row in zip(repos, sorted(rows, key=lambda r: r["path"]), strict=True):
        assert git(repo, "rev-parse", BRANCH) == row["commit"]
        assert git(repo, "rev-parse", "--abbrev-ref", "HEAD") == "main"


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((FLEET / name).read_text())
    assert isinstance(data, dict)
    return data


def shard_count(script: str, pattern: str) -> set[int]:
    return {int(n) for n in re.findall(pattern + r"/(\d+)", script)}


def assert_bash_syntax(script: str) -> None:
    subprocess.run(["bash", "-n"], input=script, text=True, check=True)


def test_the_actions_workflow_runs_every_shard_then_merges() -> None:
    workflow = load("github-actions.yml")
    jobs = workflow["jobs"]
    matrix = jobs["shard"]["strategy"]["matrix"]["shard"]
    steps = jobs["shard"]["steps"]
    scripts = "\n".join(s["run"] for s in steps if "run" in s)
    counts = shard_count(scripts, re.escape("${{ matrix.shard }}"))
    assert len(counts) == 1 and re.findall(r"--shard|forgeapi_migrate\.shard", scripts)
    [count] = counts
    assert matrix == list(range(1, count + 1))
    assert "forgeapi-migrate batch fleet --shard" in scripts
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads and "${{ matrix.shard }}" in uploads[0]["with"]["name"]
    assert uploads[0]["if"] == "always()"
    merge = jobs["merge"]
    assert merge["needs"] == "shard" and merge["if"] == "always()"
    merge_scripts = [s["run"] for s in merge["steps"] if "run" in s]
    assert any(s.startswith("forgeapi-migrate batch-report merge") for s in merge_scripts)
    for script in [*(s["run"] for s in steps if "run" in s), *merge_scripts]:
        assert_bash_syntax(re.sub(r"\$\{\{[^}]*\}\}", "1", script))


def test_the_kubernetes_job_gives_each_index_its_shard() -> None:
    job = load("kubernetes-job.yaml")
    assert (job["apiVersion"], job["kind"]) == ("batch/v1", "Job")
    spec = job["spec"]
    assert spec["completionMode"] == "Indexed"
    assert spec["template"]["spec"]["restartPolicy"] == "Never"
    [container] = spec["template"]["spec"]["containers"]
    script = container["args"][0]
    assert_bash_syntax(script)
    [expression] = re.findall(r'shard="([^"]+)"', script)
    shards = {
        subprocess.run(
            ["bash", "-c", f'echo "{expression}"'],
            env={"JOB_COMPLETION_INDEX": str(index)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for index in range(spec["completions"])
    }
    count = spec["completions"]
    assert shards == {f"{k}/{count}" for k in range(1, count + 1)}
    assert '--shard "$shard"' in script and 'forgeapi_migrate.shard "$shard"' in script
    mounts = {m["name"] for m in container["volumeMounts"]}
    assert mounts <= {v["name"] for v in spec["template"]["spec"]["volumes"]}


def test_batch_computes_each_change_set_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_clone(tmp_path / "fleet" / "service")
    modes: list[str] = []
    real_run = batch.run

    def counted(options: RunOptions, progress: Any = None) -> Report:
        modes.append(options.mode)
        return real_run(options, progress)

    monkeypatch.setattr(batch, "run", counted)
    assert main(["batch", str(tmp_path / "fleet")]) == 0
    assert modes == ["check"]  # computed once, written from that report
    assert "src/users/router.py" in git(repo, "ls-tree", "-r", "--name-only", BRANCH)
    assert git(repo, "status", "--porcelain") == ""
    modes.clear()
    assert main(["batch", str(tmp_path / "fleet")]) == 0  # the branch exists: run on it
    assert modes == ["write"]
