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
    r"""`ast.parse`, under the lock. The warnings the user's own code triggers while it is
    parsed (`"\d"`: a SyntaxWarning since Python 3.12, a DeprecationWarning before) are
    not ours to print: on 3.13 every file with one printed it once per parse."""
    with _LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return ast.parse(data, filename=filename)
