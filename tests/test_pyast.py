"""Every `ast.parse` of the tool goes through the lock in `pyast` (batch parses in threads,
and CPython 3.11's AST constructor is not safe for that: python/cpython#106905)."""

from __future__ import annotations

import re
from pathlib import Path

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
