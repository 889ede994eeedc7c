"""Stage 6: re-check every output before it is shown or written.

Every Python file the run produces must parse with the interpreter's own parser
(`ast`), the way pyupgrade and django-upgrade re-check their fixes. A failure here
is a bug in a codemod: the run stops and nothing is written.
"""

from __future__ import annotations

from forgeapi_migrate import pyast
from forgeapi_migrate.changeset import ChangeSet
from forgeapi_migrate.errors import MigrationError


def verify_changeset(changeset: ChangeSet) -> None:
    """Every changed Python output parses; those the transform workers already checked (the
    same `check_python`, run where the bytes were made, in parallel) are not parsed twice."""
    for change in changeset.changes:
        if change.new_path is None or change.new_path in changeset.verified:
            continue
        if change.new_bytes != change.old_bytes:
            check_python(change.new_path, change.new_bytes)


def check_python(path: str, data: bytes) -> None:
    if not path.endswith(".py"):
        return
    try:
        pyast.parse(data, filename=path)
    except SyntaxError as exc:
        raise MigrationError(
            f"internal error: the rewritten file does not parse ({exc.msg}); "
            "nothing was written, please report this",
            path=path,
            line=exc.lineno,
        ) from exc
