"""Big inputs: a Python file above `max_file_size` is refused before anything parses it.

libcst keeps a node per token: a generated 5 MB module took minutes and gigabytes (issue 17,
point 8). A refusal names the file, its size and both ways out: raise the setting (0 lifts it)
or `exclude` the file, which is then left exactly as it is and never read for parsing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from forgeapi_migrate.errors import MigrationError

MIB = 1024 * 1024


def refuse_big_files(root: Path, paths: Iterable[str], limit: int) -> None:
    """Raise for the first of `paths` (relative to `root`) bigger than `limit` bytes."""
    if limit <= 0:
        return
    for path in paths:
        try:
            size = (root / path).stat().st_size
        except OSError:
            continue  # a dangling link or a vanished file: refused or reported elsewhere
        if size > limit:
            raise MigrationError(
                f"{size:,} bytes ({size / MIB:.1f} MiB), above max_file_size = {limit:,} "
                "bytes: raise max_file_size in [tool.forgeapi-migrate] of pyproject.toml "
                "(0: no limit), or add the file to `exclude` to leave it alone",
                path=path,
            )
