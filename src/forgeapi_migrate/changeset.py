"""Stage 4 data: the complete result of a run, in memory, before anything is written."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from forgeapi_migrate.errors import Finding

DEFAULT_MODE = 0o100644


def mode_of(path: Path) -> int:
    """The file's mode as git records it: executable or not."""
    return 0o100755 if os.stat(path).st_mode & stat.S_IXUSR else DEFAULT_MODE


@dataclass(frozen=True)
class FileChange:
    """One file's fate. `old_path` None: created; `new_path` None: deleted."""

    old_path: str | None
    new_path: str | None
    old_bytes: bytes
    new_bytes: bytes
    mode: int = DEFAULT_MODE

    @property
    def is_rename(self) -> bool:
        return (
            self.old_path is not None
            and self.new_path is not None
            and self.old_path != self.new_path
        )

    @property
    def is_noop(self) -> bool:
        return self.old_path == self.new_path and self.old_bytes == self.new_bytes

    @property
    def sort_key(self) -> str:
        return self.old_path or self.new_path or ""


@dataclass(frozen=True)
class ChangeSet:
    changes: tuple[FileChange, ...]
    findings: tuple[Finding, ...]
    rewrites: int  # import statements and dotted uses rewritten
    verified: frozenset[str] = frozenset()  # new paths whose bytes were re-parsed already

    @property
    def is_empty(self) -> bool:
        return not self.changes

    @property
    def moved(self) -> int:
        return sum(1 for c in self.changes if c.is_rename)

    @property
    def edited(self) -> int:
        return sum(
            1 for c in self.changes if c.old_bytes != c.new_bytes and c.old_path and c.new_path
        )
