"""Every `ast.parse` of the tool goes through the lock in `pyast` (batch parses in threads,
and CPython 3.11's AST constructor is not safe for that: python/cpython#106905)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from forgeapi_migrate import pyast

REPO = Path(__file__).resolve().parents[1]


def test_no_module_calls_ast_parse_directly() -> None:
    direct = [
        f"{path.relative_to(REPO)}:{number}"
        for root in (REPO / "src/forgeapi_migrate", REPO / "codemods")
        for path in sorted(root.rglob("*.py"))
        if path.name != "pyast.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\bast\.parse\(|\bcompile\(", line) and "re.compile(" not in line
    ]
    assert direct == []


def test_the_users_own_warnings_are_not_printed_when_the_tool_parses_a_file() -> None:
    r"""`"\d"` warns at parse time (SyntaxWarning on 3.12+, DeprecationWarning before): that is
    the user's code, not the tool's output (3.13 printed it for every parse of the file)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pyast.parse(b'import re\nPATTERN = "\\d+"\n', filename="app/util.py")
    assert [str(w.message) for w in caught] == []
