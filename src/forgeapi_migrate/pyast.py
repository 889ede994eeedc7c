"""`ast.parse`, one call at a time.

CPython 3.11 keeps the AST constructor's recursion counter in state shared by every thread:
two threads parsing at once can fail with `SystemError: AST constructor recursion depth
mismatch` (python/cpython#106905, pytest-dev/pytest#10763). `batch` upgrades several
repositories in threads, so every `ast.parse` of the tool goes through this lock. A parse
takes milliseconds; the lock costs nothing measurable in a single run.
"""

from __future__ import annotations

import ast
import threading
import warnings

_LOCK = threading.Lock()


def parse(data: bytes | str, filename: str = "<unknown>") -> ast.Module:
    with _LOCK:
        return ast.parse(data, filename=filename)


def check(data: bytes | str, filename: str = "<unknown>") -> None:
    r"""Raises SyntaxError (or ValueError) when `data` does not parse; the SyntaxWarnings
    that the user's own code may trigger (`"\d"`) are not ours to print."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        parse(data, filename)
