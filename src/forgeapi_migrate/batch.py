"""`forgeapi-migrate batch`: upgrade many repositories, one branch and one commit each.

Per repository (all-repos style): skip a dirty tree; find out whether anything would change;
branch from HEAD, migrate, commit (no hooks, nothing pushed); optionally run the project's
tests; always return to the original branch with the tree as it was. One repository's
failure is a record in the report, never a stop for the others.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from forgeapi_migrate import __version__
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.pipeline import Report, RunOptions, run, write_computed
from forgeapi_migrate.vcs import Checkout, GitError

DEFAULT_BRANCH = "forgeapi-migrate/domain-first"
OK_STATUSES = frozenset({"migrated", "up-to-date", "done", "would-migrate"})


@dataclass(frozen=True)
class Target:
    repo: Path
    subdir: str = ""  # a project inside a larger repository
    listed_as: str = ""  # the repository as the source names it (its shard key without a remote)

    @property
    def project(self) -> Path:
        return self.repo / self.subdir if self.subdir else self.repo


@dataclass(frozen=True)
class BatchOptions:
    branch: str = DEFAULT_BRANCH
    dry_run: bool = False
    output: Path = Path("forgeapi-migrate-diffs")
    jobs: int = 1
    test_cmd: str | None = None


@dataclass(frozen=True)
class RepoResult:
    path: str
    # migrated | up-to-date | done | would-migrate | skipped-dirty | failed | failed-tests
    status: str
    branch: str | None = None
    commit: str | None = None
    files_moved: int = 0
    warnings: tuple[str, ...] = ()
    duration_seconds: float = 0.0
    error: str | None = None


@dataclass(frozen=True)
class BatchReport:
    results: tuple[RepoResult, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return all(r.status in OK_STATUSES for r in self.results)


def read_targets(source: Path) -> list[Target]:
    """A folder of repositories, or a file listing `path` or `path:sub/folder` per line."""
    if source.is_dir():
        return [Target(p, "", p.name) for p in sorted(source.iterdir()) if (p / ".git").exists()]
    if not source.is_file():
        raise MigrationError("neither a folder of repositories nor a list file", path=str(source))
    targets = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        repo, _, subdir = entry.partition(":")
        path = (source.parent / repo).resolve()
        if not (path / ".git").exists():
            raise MigrationError(f"{repo} is not a git repository", path=str(source), line=number)
        targets.append(Target(path, subdir.strip("/"), PurePosixPath(repo).as_posix()))
    return targets


def run_batch(
    targets: Sequence[Target], options: BatchOptions, on_result: Callable[[RepoResult], None]
) -> BatchReport:
    results: list[RepoResult] = []
    with ThreadPoolExecutor(max(1, options.jobs)) as pool:
        try:
            for result in pool.map(lambda t: upgrade(t, options), targets):
                results.append(result)
                on_result(result)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # each running repo restores itself
            raise
    return BatchReport(tuple(results))


def upgrade(target: Target, options: BatchOptions) -> RepoResult:
    started = time.perf_counter()
    name = str(target.project)
    try:
        checkout = Checkout(target.repo)
        if checkout.is_dirty():
            return RepoResult(name, "skipped-dirty", error="uncommitted or untracked changes")
        outcome = _upgrade(checkout, target, options)
    except (MigrationError, GitError) as error:
        outcome = RepoResult(name, "failed", error=str(error))
    return _with_duration(outcome, time.perf_counter() - started)


def _upgrade(checkout: Checkout, target: Target, options: BatchOptions) -> RepoResult:
    name = str(target.project)
    original = checkout.current_ref()
    if options.dry_run:
        return _write_diff(target, options)
    reuse = checkout.has_branch(options.branch)
    checked = None if reuse else run(RunOptions(target.project, "check"))
    if checked is not None and not checked.pending:
        return RepoResult(name, "up-to-date")
    created = False
    try:
        checkout.switch(options.branch, create=not reuse)
        created = not reuse
        report = (
            write_computed(checked)  # the branch is fresh from the HEAD it was computed on
            if checked is not None
            else run(RunOptions(target.project, "write", allow_dirty=True))  # it may hold anything
        )
        if not report.written:
            return RepoResult(name, "done", branch=options.branch)
        commit = checkout.commit_all(_message(report))
        result = _result(name, "migrated", options.branch, commit, report)
        return _run_tests(target, options, result)
    except BaseException:
        checkout.restore(original)
        if created:
            checkout.delete_branch(options.branch)
        raise
    finally:
        with suppress(GitError):
            checkout.restore(original)


def _run_tests(target: Target, options: BatchOptions, result: RepoResult) -> RepoResult:
    if options.test_cmd is None:
        return result
    proc = subprocess.run(
        options.test_cmd, shell=True, cwd=target.project, capture_output=True, text=True
    )
    if proc.returncode == 0:
        return result
    tail = (proc.stdout + proc.stderr).strip().splitlines()[-3:]
    error = f"tests failed (exit {proc.returncode}); branch kept: " + " | ".join(tail)
    return RepoResult(**{**vars(result), "status": "failed-tests", "error": error})


def _write_diff(target: Target, options: BatchOptions) -> RepoResult:
    report = run(RunOptions(target.project, "dry-run"))
    name = str(target.project)
    if not report.pending:
        return RepoResult(name, "up-to-date")
    options.output.mkdir(parents=True, exist_ok=True)
    slug = "_".join(p for p in (target.repo.name, *Path(target.subdir).parts) if p)
    (options.output / f"{slug}.diff").write_bytes(report.diff)
    return _result(name, "would-migrate", None, None, report)


def _result(
    name: str, status: str, branch: str | None, commit: str | None, report: Report
) -> RepoResult:
    warnings = tuple(str(f) for f in report.changeset.findings)
    return RepoResult(name, status, branch, commit, report.changeset.moved, warnings)


def _with_duration(result: RepoResult, seconds: float) -> RepoResult:
    return RepoResult(**{**vars(result), "duration_seconds": round(seconds, 3)})


def _message(report: Report) -> str:
    changes = report.changeset
    return (
        f"Migrate to the domain-first layout (forgeapi-migrate {__version__})\n\n"
        f"{changes.moved} files moved, {changes.edited} edited, "
        f"{changes.rewrites} import references rewritten, {len(changes.findings)} warnings.\n"
    )
