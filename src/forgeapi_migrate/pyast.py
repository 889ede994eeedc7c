"""`ast.parse`, one call at a time.

CPython 3.11 keeps the AST constructor's recursion counter in state shared by every thread:
two threads parsing at once can fail with `SystemError: AST constructor recursion depth
mismatch` (python/cpython#106905, pytest-dev/pytest#10763). `batch` upgrades several
repositories in threads, so every `ast.parse` of the tool goes through this lock. A parse
takes milliseconds; the lock costs nothing measurable in a single run.

`ast.parse` is not the only way in: libcst's `evaluated_value` of a string or number is
`ast.literal_eval`, which parses. The tool's own reads of it go through `evaluated_value`
here, and a codemod that resolves libcst's scope analysis (which evaluates string
annotations itself) holds `exclusive()` meanwhile. The lock is re-entrant for that nesting;
libcst's work is pure Python under the GIL, so holding it longer costs threads nothing.
`tests/reliability/test_ast_threads.py` is the stress test.
"""

from __future__ import annotations

import ast
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

_LOCK = threading.RLock()
_T_co = TypeVar("_T_co", covariant=True)


class _Evaluates(Protocol[_T_co]):
    @property
    def evaluated_value(self) -> _T_co: ...


def evaluated_value(node: _Evaluates[_T_co]) -> _T_co:
    """`node.evaluated_value` (libcst: `ast.literal_eval` of its source), under the lock."""
    with _LOCK:
        return node.evaluated_value


@contextmanager
def exclusive() -> Iterator[None]:
    """The lock, held over third-party code that reaches `ast` by itself."""
    with _LOCK:
        yield


def parse(data: bytes | str, filename: str = "<unknown>") -> ast.Module:
    r"""`ast.parse`, under the lock. The warnings the user's own code triggers while it is
    parsed (`"\d"`: a SyntaxWarning since Python 3.12, a DeprecationWarning before) are
    not ours to print: on 3.13 every file with one printed it once per parse."""
    with _LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return ast.parse(data, filename=filename)
