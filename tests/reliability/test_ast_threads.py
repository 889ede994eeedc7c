"""Every way into CPython's `ast` goes through one lock (point 7).

On CPython 3.11 two threads in the AST constructor at once can fail with `SystemError: AST
constructor recursion depth mismatch` (python/cpython#106905). `batch --jobs 2` runs small
repositories' codemods in threads, and libcst's `evaluated_value` is `ast.literal_eval`. The
race needs a thread switch inside the constructor: garbage with finalizers, collected while
it allocates, runs Python code there. The stress test makes that happen often (a switch
interval of a microsecond, cyclic garbage with `__del__`); without the lock it fails within
the first second on 3.11 (the bug's fix in 3.12 makes the test pass either way).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, ScopeProvider

from forgeapi_migrate import pyast
from forgeapi_migrate.file_paths import literal

BIG_MODULE = "x = [" + "(1, 'x', [2, 3]), " * 3000 + "]\n"
STRINGS = [
    s.body[0].value  # type: ignore[attr-defined]
    for s in cst.parse_module("a = 'app/templates'\n" * 50).body
]
ANNOTATED = cst.parse_module(
    "".join(f"def f{i}(x: 'List[int]') -> 'Dict[str, int]':\n    pass\n" for i in range(20))
)


class _Finalized:
    def __del__(self) -> None:
        sum(range(100))  # Python code that a collection runs inside the AST constructor


def _garbage() -> None:
    first, second = _Finalized(), _Finalized()
    first.other, second.other = second, first  # type: ignore[attr-defined]


@pytest.fixture
def tiny_switch_interval() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(previous)


def _parse() -> None:
    for _ in range(10):
        _garbage()
        pyast.parse(BIG_MODULE)


def _evaluate_strings() -> None:
    for _ in range(15):
        for string in STRINGS:
            _garbage()
            literal(string)  # the tool's own reader of string values (file_paths, FM002...)


def _scope_analysis() -> None:
    for _ in range(15):
        _garbage()
        with pyast.exclusive():  # as `MigrationCodemod.transform_module` resolves metadata
            MetadataWrapper(ANNOTATED, unsafe_skip_copy=True).resolve(ScopeProvider)


@pytest.mark.usefixtures("tiny_switch_interval")
def test_threads_parsing_and_evaluating_strings_never_collide() -> None:
    errors: list[BaseException] = []

    def guarded(work: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                work()
            except SystemError as error:
                errors.append(error)

        return run

    works = [_parse, _parse, _evaluate_strings, _evaluate_strings, _scope_analysis]
    threads = [threading.Thread(target=guarded(work)) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
