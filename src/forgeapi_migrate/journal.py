"""The journal of an in-place run: the tree's originals, on disk and synced before the first write.

Input: the root and the change set about to be written. Output: a `Journal` that can put the
tree back byte for byte (contents and permission bits), by the rollback of the run itself or,
after the process was killed (SIGKILL, power loss) or a rollback that could not finish, by
`forgeapi-migrate PATH --recover`.

On disk, in `.git/forgeapi-migrate/journal/` when the root is the top of a git work tree, else
in `.forgeapi-migrate/journal/` inside the root: `originals` (the bytes of every file the run
will overwrite or delete, one after another) and `manifest.json` (their paths, modes and
offsets; the files and folders the run creates). Both are synced before any write touches the
tree, so a manifest that cannot be read belongs to a run that wrote nothing: it is discarded.
The journal is removed after a successful run and after a complete restore.

`tree_lock` keeps two runs off one tree: an exclusive `flock` on the root folder itself (no
lock file to leave behind, in git or not), taken before the run reads anything.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from forgeapi_migrate.changeset import FileChange
from forgeapi_migrate.errors import MigrationError

TEMP_PREFIX, TEMP_SUFFIX = ".forgeapi-", ".tmp"  # emit's temporaries, removed by a restore
_MANIFEST, _ORIGINALS = "manifest.json", "originals"


def recover_hint(root: Path) -> str:
    return f"run `forgeapi-migrate {root} --recover`"


def state_dir(root: Path) -> Path:
    git = root / ".git"
    return git / "forgeapi-migrate" if git.is_dir() else root / ".forgeapi-migrate"


def journal_dir(root: Path) -> Path:
    return state_dir(root) / "journal"


class RestoreIncomplete(MigrationError):
    """A restore that could not put every file back: the journal stays for `--recover`."""


@dataclass(frozen=True)
class Original:
    path: str
    mode: int  # permission bits (st_mode & 0o7777)
    offset: int
    size: int


@dataclass(frozen=True)
class Journal:
    root: Path
    originals: tuple[Original, ...]
    created: tuple[str, ...]  # files the run creates: deleted by a restore
    folders: dict[str, int]  # existing folders above the originals -> mode, to recreate
    new_folders: tuple[str, ...]  # folders the run creates: removed by a restore when empty

    @property
    def directory(self) -> Path:
        return journal_dir(self.root)

    @classmethod
    def record(cls, root: Path, changes: Sequence[FileChange]) -> Journal:
        """Save every original `changes` touch; return once it is all on disk."""
        directory = journal_dir(root)
        if directory.exists():  # a journal without a readable manifest: nothing was written
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        try:
            return cls._record(root, changes, directory)
        except BaseException:  # nothing written yet: no journal either
            shutil.rmtree(directory, ignore_errors=True)
            raise

    @classmethod
    def _record(cls, root: Path, changes: Sequence[FileChange], directory: Path) -> Journal:
        touched = sorted({p for c in changes for p in (c.old_path, c.new_path) if p is not None})
        existing = [p for p in touched if (root / p).is_file()]
        originals = _save_originals(root, existing, directory / _ORIGINALS)
        missing = set(touched) - set(existing)
        journal = cls(
            root,
            tuple(originals),
            tuple(sorted(missing)),
            {f: stat.S_IMODE(os.stat(root / f).st_mode) for f in _folders_above(existing)},
            tuple(f for f in sorted(_folders_above(missing)) if not (root / f).is_dir()),
        )
        _write_synced(directory / _MANIFEST, journal._manifest())
        _sync_folder(directory)
        _sync_folder(directory.parent)
        return journal

    @classmethod
    def load(cls, root: Path) -> Journal | None:
        """The journal of a run that may have written something, or None."""
        try:
            data = json.loads((journal_dir(root) / _MANIFEST).read_bytes())
        except FileNotFoundError:
            return None
        except ValueError:  # torn while it was written: no write had started
            return None
        return cls(
            root,
            tuple(Original(**entry) for entry in data["originals"]),
            tuple(data["created"]),
            dict(data["folders"]),
            tuple(data["new_folders"]),
        )

    def restore(self) -> list[tuple[str, OSError]]:
        """Put the tree back as it was; return what could not be (nothing: journal removed)."""
        failures: list[tuple[str, OSError]] = []
        for path in self.created:
            with _noting(failures, path):
                _unlink(self.root / path)
        for folder in _touched_folders(self.root, self):
            with _noting(failures, folder):
                _remove_temporaries(self.root / folder)
        with open(self.directory / _ORIGINALS, "rb") as saved:
            for original in self.originals:
                saved.seek(original.offset)
                data = saved.read(original.size)
                with _noting(failures, original.path):
                    self._put(original, data)
        for folder in sorted(self.new_folders, key=lambda f: -f.count("/")):
            _remove_if_empty(self.root / folder)
        if not failures:
            os.sync()  # the restored files reach the disk before their journal goes
            self.discard()
        return failures

    def discard(self) -> None:
        (self.directory / _MANIFEST).unlink()  # from here on the journal does not count
        shutil.rmtree(self.directory)
        with contextlib.suppress(OSError):  # `.forgeapi-migrate/` when it is empty now
            self.directory.parent.rmdir()

    def _put(self, original: Original, data: bytes) -> None:
        path = self.root / original.path
        if _holds(path, data, original.mode):
            return  # untouched (or already restored): nothing to write, nothing to fail
        for folder in _ancestors(original.path):
            if not (self.root / folder).is_dir():
                (self.root / folder).mkdir()
                os.chmod(self.root / folder, self.folders.get(folder, 0o755))
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, original.mode)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def _manifest(self) -> bytes:
        return json.dumps(
            {
                "version": 1,
                "root": str(self.root.resolve()),
                "originals": [vars(o) for o in self.originals],
                "created": list(self.created),
                "folders": self.folders,
                "new_folders": list(self.new_folders),
            },
            indent=1,
        ).encode()


def describe_failures(failures: Sequence[tuple[str, OSError]]) -> str:
    path, error = failures[0]
    more = f" and {len(failures) - 1} more" if len(failures) > 1 else ""
    return f"{path}: {error.strerror or error}{more}"


def refuse_unfinished_run(root: Path) -> None:
    """A journal left by a run that was killed (or whose rollback failed): never go on over it."""
    if Journal.load(root) is not None:
        raise MigrationError(
            "an earlier run was interrupted before it finished writing; its journal holds "
            f"the tree's originals: {recover_hint(root)} to restore them",
            path=str(root),
        )


def discard_torn_journal(root: Path) -> None:
    """A journal whose manifest cannot be read was being recorded when its run was killed, before
    any write: it goes (under the tree's lock), or discovery would find it in a tree without git."""
    if journal_dir(root).exists() and Journal.load(root) is None:
        shutil.rmtree(journal_dir(root))
        with contextlib.suppress(OSError):
            state_dir(root).rmdir()


def recover(root: Path) -> int | None:
    """Restore the tree from the journal; the number of files put back, or None if no journal."""
    journal = Journal.load(root)
    if journal is None:
        discard_torn_journal(root)
        return None
    failures = journal.restore()
    if failures:
        raise RestoreIncomplete(
            f"could not restore {describe_failures(failures)}; fix that, then "
            f"{recover_hint(root)} again",
            path=str(root),
        )
    return len(journal.originals) + len(journal.created)


@contextmanager
def tree_lock(root: Path) -> Iterator[None]:
    """Exclusive use of the tree for this run; a second run is refused within a second."""
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:  # no such folder: the run itself says so
        yield
        return
    _HELD.add(fd)
    try:
        if not _flock_soon(fd):
            raise MigrationError(
                "another forgeapi-migrate run is working on this tree; wait until it ends",
                path=str(root),
            )
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock (unless a forked process still holds a copy)


LOCK_PATIENCE = 1.0  # seconds


def _flock_soon(fd: int) -> bool:
    """The lock, waiting up to LOCK_PATIENCE for it. A process forked by another thread
    (`subprocess` between its fork and its exec) briefly holds a copy of a lock that its run
    has already let go of; another run really holding it is refused within a second."""
    deadline = time.monotonic() + LOCK_PATIENCE
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as error:
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


# An flock belongs to the open file, which a forked process shares: a process-pool worker
# forked while one run held its tree's lock (`batch --jobs 2`: another thread's run) would
# keep that lock after the run let go of it, and the same tree's next run would be refused.
# A forked child closes its copies at once; it never works on a tree itself.
_HELD: set[int] = set()


def _close_held_in_child() -> None:
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


def _save_originals(root: Path, paths: Iterable[str], target: Path) -> list[Original]:
    originals = []
    offset = 0
    with open(target, "xb") as saved:
        for path in paths:
            data = (root / path).read_bytes()
            mode = stat.S_IMODE(os.stat(root / path).st_mode)
            saved.write(data)
            originals.append(Original(path, mode, offset, len(data)))
            offset += len(data)
        saved.flush()
        os.fsync(saved.fileno())
    return originals


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _ancestors(path: str) -> list[str]:
    """`a/b/c.py` -> [`a`, `a/b`]: the folders above a root-relative path, outermost first."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _folders_above(paths: Iterable[str]) -> set[str]:
    return {folder for path in paths for folder in _ancestors(path)}


def _touched_folders(root: Path, journal: Journal) -> list[str]:
    paths = [*(o.path for o in journal.originals), *journal.created]
    return sorted({p.rpartition("/")[0] for p in paths if (root / p).parent.is_dir()})


@contextmanager
def _noting(failures: list[tuple[str, OSError]], path: str) -> Iterator[None]:
    """One step of a restore: its failure is noted and the restore goes on with the next."""
    try:
        yield
    except OSError as error:
        failures.append((path, error))


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _remove_temporaries(folder: Path) -> None:
    for leftover in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        _unlink(leftover)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        cache = folder / "__pycache__"
        if cache.is_dir() and {p.name for p in folder.iterdir()} == {"__pycache__"}:
            shutil.rmtree(cache)
        folder.rmdir()


def _holds(path: Path, data: bytes, mode: int) -> bool:
    try:
        info = os.lstat(path)
        return (
            stat.S_ISREG(info.st_mode)
            and stat.S_IMODE(info.st_mode) == mode
            and info.st_size == len(data)
            and path.read_bytes() == data
        )
    except OSError:
        return False
