"""`--jobs N`: how many worker processes rewrite the files, and a progress that moves per file."""

from __future__ import annotations

from pathlib import Path

import pytest

from forgeapi_migrate import cli, transform
from forgeapi_migrate.cli import main
from forgeapi_migrate.pipeline import RunOptions, run
from tests.helpers import benchmark_generator


def test_jobs_sets_the_pool_and_the_default_follows_the_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert transform._workers(10, 4) == 4  # asked for: even on a small tree
    assert transform._workers(3, 8) == 3  # never more workers than files
    assert transform._workers(500, 1) == 1
    monkeypatch.setattr(transform.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    assert transform._workers(1000, None) == 4  # the cores
    assert transform._workers(250, None) == 2  # one per PARALLEL_MIN_FILES files
    assert transform._workers(99, None) == 0  # in this process


def test_a_pool_gives_what_one_process_gives_and_reports_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    benchmark_generator().generate(tmp_path, 4, shape="reexport")
    pooled: list[int] = []
    real_pooled = transform._pooled

    def spying(pool: object, sources: dict[str, bytes], progress: object) -> object:
        pooled.append(len(sources))
        return real_pooled(pool, sources, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(transform, "_pooled", spying)
    diffs, seen = [], []
    for jobs in (1, 2):
        done: list[str] = []

        def progress(total: int, done: list[str] = done) -> transform.Progress:
            return done.append

        diffs.append(run(RunOptions(tmp_path, "dry-run", jobs=jobs), progress).diff)
        seen.append(done)
    assert diffs[0] == diffs[1] and diffs[0]
    python_files = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.py")}
    assert seen[0] == sorted(python_files)  # in one process: in path order
    assert sorted(seen[1]) == sorted(python_files)  # from the pool: each once, as done
    assert pooled == [len(python_files)]  # only the run with --jobs 2 used the pool


def test_cli_passes_jobs_and_refuses_zero(
    mini: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[int | None] = []
    real_run = cli.run

    def spying(options: RunOptions, progress: object = None) -> object:
        asked.append(options.jobs)
        return real_run(options, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "run", spying)
    assert main([str(mini), "--dry-run", "--jobs", "2"]) == 1
    assert main([str(mini), "--dry-run"]) == 1
    assert asked == [2, None]
    assert main([str(mini), "--dry-run", "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err
