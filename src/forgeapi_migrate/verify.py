"""Stage 6: re-check every output before it is shown or written.

Every Python file the run produces must parse with the interpreter's own parser
(`ast`), the way pyupgrade and django-upgrade re-check their fixes. A failure here
is a bug in a codemod: the run stops and nothing is written.
"""

from __future__ import annotations

import warnings

from forgeapi_migrate import pyast
from forgeapi_migrate.changeset import ChangeSet
from forgeapi_migrate.errors import MigrationError


def verify_changeset(changeset: ChangeSet) -> None:
    for change in changeset.changes:
        if change.new_path is None or not change.new_path.endswith(".py"):
            continue
        if change.new_bytes == change.old_bytes:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SyntaxWarning)
                pyast.parse(change.new_bytes, filename=change.new_path)
        except SyntaxError as exc:
            raise MigrationError(
                f"internal error: the rewritten file does not parse ({exc.msg}); "
                "nothing was written, please report this",
                path=change.new_path,
                line=exc.lineno,
            ) from exc
