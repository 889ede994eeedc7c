"""A tiny loader for named SQL queries (the aiosql / yesql file convention).

A query file holds several statements, each introduced by a marker comment::

    -- name: get_book
    -- Any other comment line is kept as part of the query.
    SELECT * FROM books WHERE id = :book_id;
"""

import re
from pathlib import Path

NAME_MARKER = re.compile(r"^--\s*name:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*$")


def load_queries(path: Path | str) -> dict[str, str]:
    """Return ``{name: sql}`` for every ``-- name:`` block of the file at ``path``."""
    queries: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if current is None:
            return
        sql = "\n".join(lines).strip()
        if not sql:
            raise ValueError(f"{path}: query {current!r} is empty")
        queries[current] = sql

    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        match = NAME_MARKER.match(line.strip())
        if match is None:
            if current is None and line.strip() and not line.lstrip().startswith("--"):
                raise ValueError(f"{path}:{number}: SQL before the first '-- name:' marker")
            lines.append(line)
            continue
        flush()
        current = match.group("name")
        if current in queries:
            raise ValueError(f"{path}:{number}: duplicate query name {current!r}")
        lines = []
    flush()
    return queries
