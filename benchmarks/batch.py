"""Measure `forgeapi-migrate batch` over many small generated repositories.

N repositories of D domains each (`generate.py`), each a git repository with one commit. Then:

    batch --jobs J   wall time of the whole command (its own process), for each J, on a fresh
                     copy of the fleet; every repository must end `migrated`
    migration        the in-place migration alone (`pipeline.run`, write mode, no git) of each
                     repository, in one warm process: what batch adds nothing to
    overhead         per repository, batch's own duration (from its report, --jobs 1) over the
                     migration alone, less 1: git branch + commit + restore + report

    .venv/bin/python benchmarks/batch.py --repos 20 --domains 5 [--jobs 1 2 4]

Goal (issue 22): overhead under 20% of the migration time per repository.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate

from forgeapi_migrate.pipeline import RunOptions, run

TOOL = Path(sys.executable).parent / "forgeapi-migrate"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def make_fleet(root: Path, repos: int, domains: int) -> Path:
    for index in range(repos):
        repo = root / f"service-{index:03d}"
        generate(repo, domains)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "config", "user.name", "Bench")
        git(repo, "config", "user.email", "bench@example.com")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "initial")
    return root


def time_batch(fleet: Path, jobs: int, work: Path) -> tuple[float, list[float]]:
    copy = work / f"fleet-j{jobs}"
    shutil.copytree(fleet, copy, symlinks=True)
    report = work / f"report-j{jobs}.json"
    started = time.perf_counter()
    subprocess.run(
        [str(TOOL), "batch", str(copy), "--jobs", str(jobs), "--report", str(report)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - started
    data = json.loads(report.read_text())
    rows = data["results"] if isinstance(data, dict) else data
    if {row["status"] for row in rows} != {"migrated"}:
        raise SystemExit(f"--jobs {jobs}: not every repository migrated: {rows}")
    return wall, [row["duration_seconds"] for row in rows]


def time_migrations(fleet: Path, work: Path) -> list[float]:
    copy = work / "fleet-plain"
    shutil.copytree(fleet, copy, symlinks=True)
    seconds = []
    for repo in sorted(copy.iterdir()):
        started = time.perf_counter()
        run(RunOptions(repo, "write", allow_dirty=True))  # the migration, no git at all
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repos", type=int, default=20)
    parser.add_argument("--domains", type=int, default=5)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="forgeapi-batch-bench-") as tmp:
        work = Path(tmp)
        fleet = make_fleet(work / "fleet", args.repos, args.domains)
        run(RunOptions(work / "fleet" / "service-000", "check"))  # warm: imports, libcst
        migration = statistics.median(time_migrations(fleet, work)[1:])
        print(f"{args.repos} repositories of {args.domains} domains")
        print(f"migration alone: median {migration:.3f} s per repository")
        for jobs in args.jobs:
            wall, durations = time_batch(fleet, jobs, work)
            line = f"batch --jobs {jobs}: {wall:.2f} s wall, {wall / args.repos:.3f} s/repo"
            if jobs == 1:
                per_repo = statistics.median(durations[1:])
                overhead = per_repo / migration - 1
                line += f"; median {per_repo:.3f} s per repository, overhead {overhead:.0%}"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
