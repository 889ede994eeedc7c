"""Stage 5: hand the change set to the user: a git-style diff, or atomic writes in place.

The diff is the truth: `git apply` of it must give byte-for-byte what
`write_changeset` writes, renames and modes included.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path, PurePosixPath

from forgeapi_migrate import interrupts
from forgeapi_migrate.changeset import FileChange
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.journal import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    Journal,
    RestoreIncomplete,
    describe_failures,
    recover_hint,
)

_LINE = re.compile(rb"[^\n]*\n|[^\n]+")


def render_diff(changes: Iterable[FileChange]) -> bytes:
    return b"".join(_file_diff(change) for change in changes)


def _file_diff(change: FileChange) -> bytes:
    old, new = change.old_path, change.new_path
    a_lines = _lines(change.old_bytes)
    b_lines = _lines(change.new_bytes)
    matcher = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    mode = f"{change.mode:o}"
    if old is None:
        header = [f"diff --git a/{new} b/{new}", f"new file mode {mode}"]
    elif new is None:
        header = [f"diff --git a/{old} b/{old}", f"deleted file mode {mode}"]
    elif old != new:
        similarity = round(100 * matcher.ratio()) if a_lines or b_lines else 100
        header = [
            f"diff --git a/{old} b/{new}",
            f"similarity index {similarity}%",
            f"rename from {old}",
            f"rename to {new}",
        ]
    else:
        header = [f"diff --git a/{old} b/{new}"]
    out = "".join(line + "\n" for line in header).encode()
    if change.old_bytes != change.new_bytes:
        out += f"--- {_side('a', old)}\n+++ {_side('b', new)}\n".encode()
        out += _hunks(a_lines, b_lines, matcher)
    return out


def _side(prefix: str, path: str | None) -> str:
    return "/dev/null" if path is None else f"{prefix}/{path}"


def _lines(data: bytes) -> list[bytes]:
    """Split on LF only, as git does (CR stays part of the line)."""
    return _LINE.findall(data)


def _hunks(a: list[bytes], b: list[bytes], matcher: difflib.SequenceMatcher[bytes]) -> bytes:
    """Unified hunks. difflib finds the matching blocks; the formatting is ours because
    difflib cannot mark a last line without newline the way git needs it."""
    out = bytearray()
    for group in matcher.get_grouped_opcodes(3):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        out += f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@\n".encode()
        for tag, ai1, ai2, bj1, bj2 in group:
            if tag == "equal":
                out += b"".join(b" " + _terminated(line) for line in a[ai1:ai2])
                continue
            out += b"".join(b"-" + _terminated(line) for line in a[ai1:ai2])
            out += b"".join(b"+" + _terminated(line) for line in b[bj1:bj2])
    return bytes(out)


def _range(start: int, end: int) -> str:
    length = end - start
    if length == 1:
        return str(start + 1)
    return f"{start if length == 0 else start + 1},{length}"


def _terminated(line: bytes) -> bytes:
    return line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n"


WRITE_THREADS = 4


def write_changeset(root: Path, changes: Sequence[FileChange]) -> None:
    """Write every change atomically per file; on any failure, Ctrl-C or SIGTERM, restore the
    tree. The originals are in a journal on disk before the first write, so a rollback that
    cannot finish (a read-only file) or a killed process leaves a way back: `--recover`."""
    check_destinations(root, changes)
    journal = Journal.record(root, changes)
    try:
        _apply(root, changes)
    except BaseException as error:
        with interrupts.shielded():  # a second Ctrl-C must not stop the restore half-way
            failures = journal.restore()
        if failures:
            raise RestoreIncomplete(
                f"{_cause(error)}; the rollback could not restore "
                f"{describe_failures(failures)}: fix that, then {recover_hint(root)}",
                path=str(root),
            ) from error
        raise
    with interrupts.shielded():
        journal.discard()


def _cause(error: BaseException) -> str:
    if isinstance(error, OSError):
        path = error.filename if error.filename2 is None else error.filename2
        return f"writing {path} failed ({error.strerror or error})"
    if isinstance(error, KeyboardInterrupt):
        return "interrupted"
    return f"writing failed ({type(error).__name__}: {error})"


def _apply(root: Path, changes: Sequence[FileChange]) -> None:
    originals = {c.old_path: c for c in changes if c.old_path is not None}
    to_write = [c for c in changes if c.new_path is not None]
    written = [c.new_path for c in to_write if c.new_path is not None]  # rollback: all of them
    new_paths = {c.new_path for c in changes}
    # A file that moves unchanged is renamed (one operation instead of a create and an
    # unlink), unless its old path is written by another change or its new path is another
    # file's old one: then it is written like the rest.
    renamed = {
        c.old_path
        for c in to_write
        if c.is_rename
        and c.old_bytes == c.new_bytes
        and c.old_path not in new_paths
        and c.new_path not in originals
    }
    for directory in sorted({(root / path).parent for path in written}):
        directory.mkdir(parents=True, exist_ok=True)
    # The time goes into the file system's open/replace calls, which release the GIL:
    # a few threads overlap them. Every write is atomic on its own; any failure (or
    # Ctrl-C) stops the rest, and the caller rolls back all of them.
    pause = _TestPause.from_environment()
    with interrupts.deferred() as check, ThreadPoolExecutor(WRITE_THREADS) as pool:
        futures = [
            pool.submit(pause.after, os.rename, root / str(c.old_path), root / str(c.new_path))
            if c.old_path in renamed
            else pool.submit(pause.after, _write, root / str(c.new_path), c.new_bytes, c.mode)
            for c in to_write
        ]
        try:
            for future in futures:
                while not future.done():  # wakes to see a signal, even one a worker received
                    wait([future], timeout=0.05)
                    check()
                future.result()
            check()
        except BaseException:
            with interrupts.shielded():
                pause.release()
                pool.shutdown(wait=True, cancel_futures=True)
            raise
    vacated = [p for p in originals if p not in new_paths]
    for path in vacated:
        if path not in renamed:
            (root / path).unlink()
    _remove_empty_dirs(root, vacated)


def check_destinations(root: Path, changes: Iterable[FileChange]) -> None:
    """Every path a run writes or deletes stays inside the project and out of `.git/`, symlinks
    followed: an edited plan file whose destination runs through a symlinked folder, or a
    resource sent to `.git/hooks/`, is refused before anything is written."""
    top = root.resolve()
    git = top / ".git"
    for path in sorted({p for c in changes for p in (c.old_path, c.new_path) if p is not None}):
        target = (top / path).resolve()  # follows every symlink on the way
        inside = target.is_relative_to(top) and target != top
        if not inside or target.is_relative_to(git) or ".git" in PurePosixPath(path).parts:
            raise MigrationError(
                f"refusing to write {path}: it resolves to {target}, "
                + ("inside .git/" if inside else "outside the project"),
                path=path,
            )


class _TestPause:
    """Test-only, never set by a user: `FORGEAPI_MIGRATE_TEST_PAUSE_AFTER_WRITES=N` holds every
    write after the Nth until the run is interrupted (a minute at most), once it has created
    the file `FORGEAPI_MIGRATE_TEST_PAUSE_MARKER` names: the reliability tests wait for that
    file, then send SIGTERM or SIGKILL at a known point of the writes."""

    def __init__(self, limit: int | None, marker: str | None) -> None:
        self.limit, self.marker = limit, marker
        self.count = 0
        self.lock = threading.Lock()
        self.released = threading.Event()

    @classmethod
    def from_environment(cls) -> _TestPause:
        limit = os.environ.get("FORGEAPI_MIGRATE_TEST_PAUSE_AFTER_WRITES")
        marker = os.environ.get("FORGEAPI_MIGRATE_TEST_PAUSE_MARKER")
        return cls(int(limit) if limit else None, marker)

    def after(self, write: Callable[..., object], *args: object) -> None:
        write(*args)
        if self.limit is None:
            return
        with self.lock:
            self.count += 1
            reached = self.count == self.limit
        if reached and self.marker:
            Path(self.marker).touch()
        if self.count >= self.limit:
            self.released.wait(60)

    def release(self) -> None:
        self.released.set()


def _write(path: Path, data: bytes, mode: int) -> None:
    """A file at a path that did not exist is created in place (one `open`, no temporary and
    rename: most of a migration's writes, and file creation is what costs); an existing file
    is replaced atomically. Either way the rollback removes or restores it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        _write_atomic(path, data, mode)
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode & 0o777)
            handle.write(data)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raise


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _remove_empty_dirs(root: Path, paths: Iterable[str]) -> None:
    """Remove folders a move emptied (a stale __pycache__ does not keep one alive)."""
    folders = {(root / path).parent for path in paths}  # each once, however many files left it
    for directory in sorted(folders, key=lambda folder: -len(folder.parts)):
        while directory != root and directory.is_dir():
            cache = directory / "__pycache__"
            if cache.is_dir() and {p.name for p in directory.iterdir()} == {"__pycache__"}:
                shutil.rmtree(cache)
            try:
                directory.rmdir()
            except OSError:
                break
            directory = directory.parent
