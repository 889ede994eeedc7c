"""codegen.module_bytes: the same bytes as libcst's `Module.bytes`, generating only the head
that changed and reusing the file's own bytes for the unchanged tail."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forgeapi_migrate.codegen import module_bytes

ROOT = Path(__file__).resolve().parent.parent
CHANGED = cst.parse_statement("from src.users import service as user_service\n")

EDGE_CASES = {
    "crlf": b"import os\r\nfrom app.x import y\r\n\r\n\r\ndef f():\r\n    return y\r\n",
    "no trailing newline": b"import os\n\nclass A:\n    x = 1\n\nvalue = A()",
    "header and footer comments": b"#!/usr/bin/env python\n# header\n\nimport os\n\nx = 1\n\n# footer\n",
    "block footer": b"import os\n\nif os:\n    x = 1\n    # inside, after the last line\n\n# at top\ny = 2\n",
    "decorators": b"import a\n\n\n@a.b\n# between\n@a.c(\n    1,\n)\ndef f():\n    '''doc\nat column 0\n'''\n",
    "tabs": b"import os\nif os:\n\tif os:\n\t\tpass\nz = 1\n",
    "semicolons": b"import os; import sys\nx = 1; y = 2\n",
    "latin-1": "# -*- coding: latin-1 -*-\nimport os\nname = 'caf\u00e9'\n".encode("latin-1"),
    "bom": b"\xef\xbb\xbfimport os\nx = 'caf\xc3\xa9'\n",
    "continuation": b"import os\nx = 1 + \\\n    2\nz = '''\nimport fake\n'''\n",
}


def corpus_files() -> list[Path]:
    return sorted((ROOT / "corpus").glob("*/before/**/*.py"))


def _replace(tree: cst.Module, index: int, statement: cst.BaseStatement) -> cst.Module:
    body = list(tree.body)
    body[index] = statement
    return tree.with_changes(body=body)


def _single_changes(tree: cst.Module) -> list[cst.Module]:
    """The tree with statements in turn (the first two, the middle one, the last) replaced by
    a rewritten import, and with a statement inserted at the top."""
    count = len(tree.body)
    changed = [
        _replace(tree, i, CHANGED) for i in sorted({0, 1, count // 2, count - 1}) if 0 <= i < count
    ]
    return [*changed, tree.with_changes(body=[CHANGED, *tree.body])]


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_equal_libcst(name: str) -> None:
    data = EDGE_CASES[name]
    original = cst.parse_module(data)
    for new in _single_changes(original):
        assert module_bytes(original, data, new) == new.bytes


def test_every_corpus_file_equals_libcst() -> None:
    files = corpus_files()
    assert len(files) > 100
    for path in files:
        data = path.read_bytes()
        original = cst.parse_module(data)
        assert module_bytes(original, data, original) == data
        for new in _single_changes(original):
            assert module_bytes(original, data, new) == new.bytes, path


def test_the_unchanged_tail_comes_from_the_file_not_from_the_tree() -> None:
    """The point of the module: the tail is the file's bytes, not generated again. Given
    bytes whose tail differs from the tree's, the tail of the result is those bytes."""
    source = b"from app.x import y\n\n\ndef f():\n    return y\n"
    original = cst.parse_module(source)
    new = _replace(original, 0, CHANGED)
    data = source.replace(b"return y", b"return y  # marker")
    assert module_bytes(original, data, new) == (
        b"from src.users import service as user_service\n\n\ndef f():\n    return y  # marker\n"
    )


def test_a_head_that_does_not_reproduce_the_file_falls_back() -> None:
    original = cst.parse_module(b"import os\nx = 1\n")
    new = _replace(original, 0, CHANGED)
    assert module_bytes(original, b"import sys\nx = 1\n", new) == new.bytes


STATEMENTS = [
    "import os\n",
    "from app.models import user  # comment\n",
    "\n\ndef f(a,\n      b):\n    return a  # x\n    # trailing\n",
    "\n# lone comment\nx = [\n    1,\n]\n",
    "class A:\n    '''doc\nstring'''\n\n    y = 1\n",
    "if True:\n    pass\nelse:\n    z = 2\n",
    "@decorator\ndef g(): ...\n",
]


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.sampled_from(STATEMENTS), min_size=1, max_size=8),
    changes=st.sets(st.integers(0, 7)),
    newline=st.sampled_from(["\n", "\r\n"]),
    trailing=st.booleans(),
)
def test_any_module_with_any_statements_replaced(
    parts: list[str], changes: set[int], newline: str, trailing: bool
) -> None:
    text = "".join(parts).replace("\n", newline)
    data = (text if trailing else text.rstrip("\r\n")).encode()
    original = cst.parse_module(data)
    body = [CHANGED if i in changes else s for i, s in enumerate(original.body)]
    new = original.with_changes(body=body)
    assert module_bytes(original, data, new) == new.bytes
