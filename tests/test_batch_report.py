"""`forgeapi-migrate batch-report merge`: shard reports in, one report and a summary out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from forgeapi_migrate.batch import BatchReport, RepoResult
from forgeapi_migrate.batch_report import first_line, summarise
from forgeapi_migrate.cli import main


def row(path: str, status: str, seconds: float = 1.0, error: str | None = None) -> dict[str, Any]:
    result = RepoResult(path, status, duration_seconds=seconds, error=error)
    return {**vars(result), "warnings": list(result.warnings)}


def rows_of(text: str) -> list[dict[str, Any]]:
    """The results of a report: a list, or (schema_version 1) an object's `results`."""
    data = json.loads(text)
    rows: list[dict[str, Any]] = data["results"] if isinstance(data, dict) else data
    return rows


def write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


@pytest.fixture
def shard_reports(tmp_path: Path) -> list[Path]:
    return [
        write(
            tmp_path / "r1.json",
            [
                row("/w/billing", "migrated", 4.0),
                row("/w/auth", "failed", 0.5, "app/crud/oops.py:1: cannot parse\nTraceback..."),
            ],
        ),
        write(tmp_path / "r2.json", [row("/w/shop", "up-to-date", 9.5)]),
        write(
            tmp_path / "r3.json",
            [row("/w/admin", "skipped-dirty", 0.1, "uncommitted or untracked changes")],
        ),
    ]


def test_merge_writes_every_repository_once_and_summarises(
    shard_reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    merged = tmp_path / "all.json"
    code = main(["batch-report", "merge", *map(str, shard_reports), "-o", str(merged)])
    assert code == 1  # a failed and a skipped repository, as `batch` itself would exit
    rows = rows_of(merged.read_text())
    assert [r["path"] for r in rows] == ["/w/admin", "/w/auth", "/w/billing", "/w/shop"]
    assert rows[1] == row(
        "/w/auth", "failed", 0.5, "app/crud/oops.py:1: cannot parse\nTraceback..."
    )
    err = capsys.readouterr().err
    assert "4 repositories" in err
    for status in ("migrated", "failed", "up-to-date", "skipped-dirty"):
        assert status in err
    assert "failed /w/auth: app/crud/oops.py:1: cannot parse" in err
    assert "Traceback" not in err  # the first line of an error only
    assert "skipped-dirty /w/admin: uncommitted or untracked changes" in err
    slowest = err[err.index("slowest") :]
    assert slowest.index("/w/shop") < slowest.index("/w/billing") < slowest.index("/w/auth")


def test_merge_to_stdout_exits_0_when_all_is_well(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = write(tmp_path / "a.json", [row("/w/a", "migrated")])
    two = write(tmp_path / "b.json", [row("/w/b", "done"), row("/w/c", "would-migrate")])
    empty = write(tmp_path / "c.json", [])  # a shard that drew no repository
    assert main(["batch-report", "merge", str(one), str(two), str(empty)]) == 0
    rows = rows_of(capsys.readouterr().out)
    assert [(r["path"], r["status"]) for r in rows] == [
        ("/w/a", "migrated"),
        ("/w/b", "done"),
        ("/w/c", "would-migrate"),
    ]


def test_a_repository_in_two_reports_is_refused(
    shard_reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    again = write(tmp_path / "again.json", [row("/w/shop", "migrated")])
    merged = tmp_path / "all.json"
    assert (
        main(["batch-report", "merge", *map(str, shard_reports), str(again), "-o", str(merged)])
        == 2
    )
    err = capsys.readouterr().err
    assert "/w/shop" in err and "r2.json" in err and "overlap" in err
    assert not merged.exists()


@pytest.mark.parametrize("content", ["not json", '{"a": 1}', '[{"status": "migrated"}]', '["x"]'])
def test_what_is_not_a_batch_report_is_refused(
    content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    assert main(["batch-report", "merge", str(bad)]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_a_report_wrapped_in_an_object_and_newer_fields_are_read(tmp_path: Path) -> None:
    wrapped = {"schema_version": 9, "results": [{**row("/w/a", "migrated"), "shard": "1/4"}]}
    report = tmp_path / "wrapped.json"
    report.write_text(json.dumps(wrapped))
    merged = tmp_path / "all.json"
    assert main(["batch-report", "merge", str(report), "-o", str(merged)]) == 0
    assert [r["path"] for r in rows_of(merged.read_text())] == ["/w/a"]


def test_summary() -> None:
    results = (
        RepoResult("a", "migrated", duration_seconds=1.0),
        RepoResult("b", "migrated", duration_seconds=3.0),
        RepoResult("c", "failed", duration_seconds=2.0, error="\n  boom  \nmore"),
        RepoResult("d", "failed-tests", duration_seconds=0.0),
    )
    summary = summarise(BatchReport(results), slowest=2)
    assert summary.counts == (("migrated", 2), ("failed", 1), ("failed-tests", 1))
    assert [r.path for r in summary.slowest] == ["b", "c"]
    assert [r.path for r in summary.failures] == ["c", "d"]
    assert first_line("\n  boom  \nmore") == "boom"
    assert first_line(None) == ""
