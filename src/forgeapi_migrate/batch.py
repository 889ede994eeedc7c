"""`forgeapi-migrate batch`: upgrade many repositories, one branch and one commit each.

Per repository (all-repos style): skip a dirty tree; find out whether anything would change;
branch from HEAD, migrate, commit (no hooks, nothing pushed); optionally run the project's
tests; always return to the original branch with the tree as it was. One repository's
failure is a record in the report, never a stop for the others.

Ctrl-C and SIGTERM are only recorded while workers run (`interrupts.deferred`): the main thread
raises them between polls, sets `stop`, and waits for every worker to restore its repository
and end its test command (in its own session: a terminal's Ctrl-C does not reach it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from forgeapi_migrate import __version__, interrupts
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.pipeline import Report, RunOptions, run, write_computed
from forgeapi_migrate.vcs import Checkout, GitError

DEFAULT_BRANCH = "forgeapi-migrate/domain-first"
OK_STATUSES = frozenset({"migrated", "up-to-date", "done", "would-migrate"})
STATUSES = (
    *sorted(OK_STATUSES),
    "skipped-dirty",  # uncommitted or untracked files
    "skipped-no-work-tree",  # a bare repository or a plain folder in a folder source
    "stale",  # the tool's branch exists without the original branch's HEAD
    "failed",
    "failed-tests",  # --test-cmd failed or timed out; the branch is kept
)
DEFAULT_TEST_TIMEOUT = 1800.0  # seconds
POLL_SECONDS = 0.1  # how soon a signal or a timeout is acted on
KILL_GRACE_SECONDS = 5.0  # between SIGTERM and SIGKILL to a test command's process group


class Interrupted(Exception):
    """Raised in a worker once the batch is stopping: its repository is restored."""


@dataclass(frozen=True)
class Target:
    repo: Path
    subdir: str = ""  # a project inside a larger repository
    listed_as: str = ""  # the repository as the source names it (its shard key without a remote)
    unusable: str | None = None  # why there is nothing to migrate here (a bare repository)

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
    test_timeout: float = DEFAULT_TEST_TIMEOUT


@dataclass(frozen=True)
class RepoResult:
    path: str
    status: str  # one of STATUSES
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
        children = sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith("."))
        return [_folder_target(p) for p in children]
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


def _folder_target(path: Path) -> Target:
    """A child folder of a folder source; one that is no work tree is reported, not dropped."""
    if (path / ".git").exists():
        return Target(path, "", path.name)
    bare = (path / "HEAD").is_file() and (path / "objects").is_dir()
    why = "a bare repository: no work tree to migrate" if bare else "not a git repository"
    return Target(path, "", path.name, unusable=why)


def run_batch(
    targets: Sequence[Target], options: BatchOptions, on_result: Callable[[RepoResult], None]
) -> BatchReport:
    results: list[RepoResult] = []
    stop = threading.Event()
    with interrupts.deferred() as check, ThreadPoolExecutor(max(1, options.jobs)) as pool:
        futures = [pool.submit(upgrade, target, options, stop) for target in targets]
        try:
            for future in futures:  # reported in the source's order
                result = _wait(future, check)
                results.append(result)
                on_result(result)
        except BaseException:
            stop.set()  # the running workers restore their repositories and end their tests
            pool.shutdown(wait=True, cancel_futures=True)  # a second signal is only recorded
            raise
    return BatchReport(tuple(results))


def _wait(future: Future[RepoResult], check: Callable[[], None]) -> RepoResult:
    while True:
        check()  # a Ctrl-C or SIGTERM raises here, never inside the pool's own locking
        with suppress(TimeoutError):
            return future.result(timeout=POLL_SECONDS)


def upgrade(target: Target, options: BatchOptions, stop: threading.Event) -> RepoResult:
    started = time.perf_counter()
    name = str(target.project)
    if target.unusable is not None:
        return RepoResult(name, "skipped-no-work-tree", error=target.unusable)
    try:
        _check(stop)
        checkout = Checkout(target.repo)
        if checkout.is_dirty():
            return RepoResult(name, "skipped-dirty", error="uncommitted or untracked changes")
        outcome = _upgrade(checkout, target, options, stop)
    except (MigrationError, GitError) as error:
        outcome = RepoResult(name, "failed", error=str(error))
    return _with_duration(outcome, time.perf_counter() - started)


def _check(stop: threading.Event) -> None:
    if stop.is_set():
        raise Interrupted


def _upgrade(
    checkout: Checkout, target: Target, options: BatchOptions, stop: threading.Event
) -> RepoResult:
    name = str(target.project)
    original = checkout.current_ref()
    if options.dry_run:
        return _write_diff(target, options)
    reuse = checkout.has_branch(options.branch)
    if reuse and not checkout.branch_contains(options.branch, original):
        return _stale(name, options.branch, original)
    checked = None if reuse else run(RunOptions(target.project, "check"))
    if checked is not None and not checked.pending:
        return RepoResult(name, "up-to-date")
    created = False
    try:
        _check(stop)
        checkout.switch(options.branch, create=not reuse)
        created = not reuse
        report = (
            write_computed(checked)  # the branch is fresh from the HEAD it was computed on
            if checked is not None
            else run(RunOptions(target.project, "write", allow_dirty=True))  # it may hold anything
        )
        _check(stop)
        if not report.written:
            return RepoResult(name, "done", branch=options.branch)
        commit = checkout.commit_all(_message(report))
        result = _result(name, "migrated", options.branch, commit, report)
        return _run_tests(target, options, result, stop)
    except BaseException:
        checkout.restore(original)
        if created:
            checkout.delete_branch(options.branch)
        raise
    finally:
        with suppress(GitError):
            checkout.restore(original)


def _stale(name: str, branch: str, original: str) -> RepoResult:
    """The tool's branch exists but lacks the original branch's HEAD: the base moved on, and
    a commit on top would report "done" for a branch that drops the new work."""
    error = (
        f"branch {branch} exists but does not contain the current HEAD of {original}: "
        f"delete it (git branch -D {branch}) or rebase it onto {original}, then run again"
    )
    return RepoResult(name, "stale", branch=branch, error=error)


def _run_tests(
    target: Target, options: BatchOptions, result: RepoResult, stop: threading.Event
) -> RepoResult:
    if options.test_cmd is None:
        return result
    code, output = _run_test_command(options.test_cmd, target.project, options.test_timeout, stop)
    if code == 0:
        return result
    tail = " | ".join(output.strip().splitlines()[-3:])
    if code is None:
        error = f"tests timed out after {options.test_timeout:g} s (killed); branch kept: {tail}"
    else:
        error = f"tests failed (exit {code}); branch kept: {tail}"
    return RepoResult(**{**vars(result), "status": "failed-tests", "error": error})


def _run_test_command(
    command: str, cwd: Path, timeout: float, stop: threading.Event
) -> tuple[int | None, str]:
    """The command's exit code (None: timed out) and output. It runs in a session of its own,
    so that its whole process group (a test runner's workers too) can be ended, and is ended
    when it runs out of time, when the batch stops, and after it exits (stragglers)."""
    proc = subprocess.Popen(
        command, shell=True, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    try:
        while True:
            with suppress(subprocess.TimeoutExpired):
                output, _ = proc.communicate(timeout=POLL_SECONDS)
                return proc.returncode, output
            if stop.is_set() or time.monotonic() >= deadline:
                output = _end_process_group(proc)
                _check(stop)
                return None, output
    finally:
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # whatever the command left behind
        proc.wait()


def _end_process_group(proc: subprocess.Popen[str]) -> str:
    """SIGTERM to the group, then SIGKILL to what is left after a grace period."""
    output = ""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signum)
        with suppress(subprocess.TimeoutExpired):
            output, _ = proc.communicate(timeout=KILL_GRACE_SECONDS)
            break
    return output


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
