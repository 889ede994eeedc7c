"""Stage 3: run the codemods over every Python file that can reference a moved module.

A cheap byte prefilter decides which files need parsing at all; each parsed file
goes through the ordered codemods once. Results are per-file records; a file that
fails does not stop the others, but any failure aborts the run before writing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from forgeapi_migrate import pyast
from forgeapi_migrate.changeset import ChangeSet, FileChange, mode_of
from forgeapi_migrate.codemods import Codemod
from forgeapi_migrate.discover import Discovery, module_name
from forgeapi_migrate.errors import Finding, MigrationError
from forgeapi_migrate.plan import MigrationPlan
from forgeapi_migrate.verify import check_python

if TYPE_CHECKING:
    import libcst as cst
    from libcst import ParserSyntaxError

    from forgeapi_migrate.codemods._helpers import SourceFile

Progress = Callable[[str], None]
PARALLEL_MIN_FILES = 100  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class FileResult:
    path: str
    new_bytes: bytes | None  # None: content unchanged
    findings: tuple[Finding, ...] = ()
    rewrites: int = 0
    error: Finding | None = None
    verified: bool = False  # its new bytes were re-parsed (see verify.py)


def transform_source(
    path: str,
    data: bytes,
    plan: MigrationPlan,
    codemods: Sequence[Codemod],
) -> FileResult:
    """Run the codemods over one file's bytes. Pure: no I/O."""
    return _run(path, data, plan, codemods_for(path, data, plan, codemods))


def codemods_for(
    path: str, data: bytes, plan: MigrationPlan, codemods: Sequence[Codemod]
) -> tuple[Codemod, ...]:
    """The codemods that may change this file, judged before any libcst parse: first from its
    bytes; then, unless a chosen codemod with neither a second (`ast`) test nor a `head` has
    the whole file parsed anyway, by the second tests. A codemod ruled out there costs no
    parse, and when the one left has a `head`, only that much of the file is parsed."""
    chosen = tuple(c for c in codemods if c.applies_to(path, data, plan))
    if any(c.confirm is None and c.head is None for c in chosen):
        return chosen  # parsed whole anyway: the others decide on the tree (`wants`)
    return tuple(c for c in chosen if c.confirm is None or c.confirm(path, data, plan))


def _run(path: str, data: bytes, plan: MigrationPlan, codemods: Sequence[Codemod]) -> FileResult:
    if not codemods:
        return FileResult(path, None)
    # Imported here, once a file needs a rewrite: a run with nothing to do never loads libcst.
    import libcst as cst

    from forgeapi_migrate.codegen import module_bytes

    head = codemods[0].head if len(codemods) == 1 else None
    end = head(data, plan) if head is not None else len(data)
    try:
        tree, end = _parse(data, end)
    except cst.ParserSyntaxError as exc:
        return FileResult(path, None, error=_syntax_error(path, exc))
    except (UnicodeDecodeError, LookupError, SyntaxError) as exc:
        return FileResult(
            path, None, error=Finding(path, 1, "FM000", f"cannot decode: {exc}", "error")
        )
    findings: list[Finding] = []
    rewrites = 0
    new_tree = tree
    for entry in codemods:
        codemod = entry.load()(_context(path, plan), plan)
        try:
            new_tree = codemod.transform_module(new_tree)
        except Exception as exc:  # a codemod bug must name the file, not crash the run
            message = f"{entry.ID} failed: {type(exc).__name__}: {exc}"
            return FileResult(path, None, error=Finding(path, 1, entry.ID, message, "error"))
        findings.extend(codemod.findings)
        rewrites += codemod.rewrites
    new_bytes = module_bytes(tree, data[:end], new_tree) + data[end:]
    return FileResult(path, None if new_bytes == data else new_bytes, tuple(findings), rewrites)


def _parse(data: bytes, end: int) -> tuple[cst.Module, int]:
    """The file parsed, or only its first `end` bytes when they hold all the codemod can
    change (its `head`). Those bytes end at the start of a top-level line: when they parse on
    their own they end outside any string, bracket and statement, and the rest of the file
    is left as it is; when they do not, the whole file is parsed."""
    import libcst as cst

    if end < len(data):
        with contextlib.suppress(cst.ParserSyntaxError):
            return cst.parse_module(data[:end]), end
    return cst.parse_module(data), len(data)


def _context(path: str, plan: MigrationPlan) -> SourceFile:
    from forgeapi_migrate.codemods._helpers import SourceFile

    if not plan.owns_path(path):
        return SourceFile(filename=path)
    module = module_name(path)
    package = module if PurePosixPath(path).name == "__init__.py" else module.rpartition(".")[0]
    return SourceFile(filename=path, full_module_name=module, full_package_name=package)


def _unparseable_move(path: str, data: bytes, plan: MigrationPlan) -> Finding | None:
    """A file that moves unchanged is still checked with `ast` (cheap): a broken file in the
    package is an error before anything is written, as it is for the files we rewrite."""
    if plan.new_paths.get(path, path) == path:
        return None
    return _syntax_finding(path, data)


def _syntax_finding(path: str, data: bytes) -> Finding | None:
    """The first syntax error of a file, as `ast` finds it; None if it parses."""
    try:
        pyast.parse(data)
    except SyntaxError as exc:
        message = f"cannot parse: {exc.msg}{_newer_syntax_hint(data)}"
        return Finding(path, exc.lineno or 1, "FM000", message, "error")
    except ValueError as exc:
        return Finding(path, 1, "FM000", f"cannot parse: {exc}", "error")
    return None


def _newer_syntax_hint(data: bytes) -> str:
    """Syntax of a newer Python (`type X = ...`, `except A, B:`) that libcst reads but the
    Python running the tool cannot check: say which Python to run the tool under."""
    import libcst  # here: only a file that does not parse pays for it

    try:
        libcst.parse_module(data)
    except (libcst.ParserSyntaxError, ValueError):
        return ""
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    return (
        f" (the code is written for a newer Python than {running}, which runs forgeapi-migrate:"
        " install it under the Python the project uses)"
    )


def _syntax_error(path: str, exc: ParserSyntaxError) -> Finding:
    first = str(exc).splitlines()[0] if str(exc) else "syntax error"
    return Finding(path, exc.raw_line, "FM000", f"cannot parse: {first}", "error")


def build_changeset(
    discovery: Discovery,
    plan: MigrationPlan,
    codemods: Sequence[Codemod],
    progress: Progress | None = None,
    jobs: int | None = None,
) -> ChangeSet:
    """`jobs`: worker processes (None: the cores, on a tree large enough to pay for them)."""
    root = discovery.root
    excluded = set(discovery.excluded)
    every = {**discovery.sources, **discovery.stubs}
    sources = {path: data for path, data in every.items() if path not in excluded}
    changes: list[FileChange] = []
    findings: list[Finding] = []
    errors: list[Finding] = []
    rewrites = 0
    verified: set[str] = set()
    for result in _transform_all(sources, plan, codemods, progress, jobs):
        if result.error is not None:
            errors.append(result.error)
            continue
        findings.extend(result.findings)
        rewrites += result.rewrites
        data = sources[result.path]
        if result.path in discovery.virtual:  # a piece of a split file: created, never moved
            if result.path in plan.deletions:
                continue  # the virtual re-exporting __init__, dissolved
            new_path = plan.new_paths.get(result.path, result.path)
            new_bytes = data if result.new_bytes is None else result.new_bytes
            change = FileChange(None, new_path, b"", new_bytes)
        else:
            change = _file_change(root, result.path, data, result.new_bytes, plan)
        if not change.is_noop:
            changes.append(change)
            if result.verified and change.new_path is not None:
                verified.add(change.new_path)
    if errors:
        first, more = min(errors), len(errors) - 1
        suffix = f" (and {more} more file{'s' if more > 1 else ''})" if more else ""
        raise MigrationError(first.message + suffix, path=first.path, line=first.line)
    changes.extend(FileChange(None, path, b"", b"") for path in plan.creations)
    changes.extend(_file_moves(root, plan, set(sources)))
    for real in sorted(set(discovery.virtual.values())):  # split into pieces: gone as a file
        changes.append(
            FileChange(real, None, (root / real).read_bytes(), b"", mode_of(root / real))
        )
    _refuse_overwrites(root, changes)
    ordered = tuple(sorted(changes, key=lambda c: c.sort_key))
    return ChangeSet(ordered, (*plan.notes, *sorted(findings)), rewrites, frozenset(verified))


def _transform_all(
    sources: dict[str, bytes],
    plan: MigrationPlan,
    codemods: Sequence[Codemod],
    progress: Progress | None,
    jobs: int | None = None,
) -> Iterator[FileResult]:
    """Per-file results, in path order; a process pool shares the work on large trees."""
    paths = sorted(sources)
    codemods = tuple(codemods)
    workers = _workers(len(paths), jobs)
    if workers < 2:
        for path in paths:
            result = _process(path, sources[path], plan, codemods)
            if progress is not None:
                progress(result.path)
            yield result
        return
    if not plan.is_empty:  # files will be rewritten: import the codemods (and libcst)
        for entry in codemods:  # once, here, so the forked workers need not each do it
            entry.load()
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(plan, codemods))
    try:
        yield from _pooled(pool, sources, progress)
    finally:
        pool.shutdown(cancel_futures=True)


def _workers(files: int, jobs: int | None) -> int:
    """`jobs` if set (at most one per file); else the cores this process may run on, one per
    PARALLEL_MIN_FILES files (starting a worker costs more than a few files' rewrite)."""
    if jobs is not None:
        return min(jobs, files)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cores or 1, files // PARALLEL_MIN_FILES)


def _pooled(
    pool: ProcessPoolExecutor, sources: dict[str, bytes], progress: Progress | None
) -> Iterator[FileResult]:
    """One task per file, the largest first (a long module started last would finish alone);
    progress as each file is done, then the results in path order."""
    by_size = sorted(sources, key=lambda path: (-len(sources[path]), path))
    tasks: dict[Future[FileResult], str] = {
        pool.submit(_work, path, sources[path]): path for path in by_size
    }
    done: dict[str, FileResult] = {}
    for task in as_completed(tasks):
        result = task.result()
        if progress is not None:
            progress(result.path)
        done[result.path] = result
    for path in sorted(sources):
        yield done[path]


def _process(
    path: str, data: bytes, plan: MigrationPlan, codemods: tuple[Codemod, ...]
) -> FileResult:
    """All one file needs, in whichever process runs it: the choice of codemods (from its
    bytes, before any parse), the rewrite, and the re-check of what it became."""
    chosen = codemods_for(path, data, plan, codemods)
    if not chosen:
        return FileResult(path, None, error=_unparseable_move(path, data, plan))
    result = _run(path, data, plan, chosen)
    if result.new_bytes is None or result.error is not None:
        return result
    new_path = plan.new_paths.get(path, path)
    try:
        check_python(new_path, result.new_bytes)
    except MigrationError as exc:
        # The file's own syntax error, where only its head was parsed; else a codemod's bug.
        error = _syntax_finding(path, data) or Finding(
            new_path, exc.line or 1, "FM000", exc.message, "error"
        )
        return replace(result, error=error)
    return replace(result, verified=True)


_worker_plan: MigrationPlan | None = None
_worker_codemods: tuple[Codemod, ...] = ()


def _start_worker(plan: MigrationPlan, codemods: tuple[Codemod, ...]) -> None:
    """The plan travels to each worker once, not with every file."""
    global _worker_plan, _worker_codemods
    _worker_plan, _worker_codemods = plan, codemods


def _work(path: str, data: bytes) -> FileResult:
    assert _worker_plan is not None
    return _process(path, data, _worker_plan, _worker_codemods)


def _file_change(
    root: Path, path: str, data: bytes, new_bytes: bytes | None, plan: MigrationPlan
) -> FileChange:
    mode = mode_of(root / path)
    if path in plan.deletions:
        return FileChange(path, None, data, b"", mode)
    new_path = plan.new_paths.get(path, path)
    return FileChange(path, new_path, data, data if new_bytes is None else new_bytes, mode)


def _file_moves(root: Path, plan: MigrationPlan, python: set[str]) -> Iterator[FileChange]:
    """Non-Python files the plan moves (resources, the Alembic folder's templates): bytes as
    they are, read only now."""
    for move in plan.moves:
        if move.old not in python and move.old != move.new:
            data = (root / move.old).read_bytes()
            yield FileChange(move.old, move.new, data, data, mode_of(root / move.old))


def _refuse_overwrites(root: Path, changes: list[FileChange]) -> None:
    vacated = {c.old_path for c in changes if c.old_path and c.old_path != c.new_path}
    for change in changes:
        target = change.new_path
        if (
            target
            and target != change.old_path
            and target not in vacated
            and (root / target).exists()
        ):
            raise MigrationError(
                f"{change.old_path or 'a new file'} would overwrite an existing file", path=target
            )
