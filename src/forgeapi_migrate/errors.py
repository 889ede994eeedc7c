"""The two ways a run reports trouble.

`Finding` is a value: something a stage noticed about one file (a warning, or a
file-level failure), carried in the report. `MigrationError` aborts the whole run
before anything is written; the CLI turns it into a message and exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    code: str
    message: str
    severity: Severity = "warning"
    # A reference the run could not make follow the move: the code may break there.
    # `--check` fails on these even when nothing else is pending.
    unresolved: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


class MigrationError(Exception):
    """Aborts the run: nothing has been or will be written."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"
