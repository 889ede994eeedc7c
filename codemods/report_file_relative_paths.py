"""FM006: a module that moves to another folder and builds paths from `__file__` is reported.

`Path(__file__).parent / "templates"` found its files next to the old module; after the move
the same expression looks next to the new one. Nothing is rewritten (the right fix depends on
where the files should live); every `__file__` use in such a module is reported, unresolved.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import libcst as cst

from forgeapi_migrate.codemods._helpers import MigrationCodemod
from forgeapi_migrate.plan import MigrationPlan


class ReportFileRelativePaths(MigrationCodemod):
    ID = "FM006"
    DESCRIPTION = "Report __file__-relative paths in modules that move to another folder."

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        return b"__file__" in data and _changes_folder(path, plan)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "__file__":
            path = self.context.filename or ""
            old, new = (
                PurePosixPath(path).parent,
                PurePosixPath(self.plan.new_paths.get(path, path)).parent,
            )
            message = f"path built from __file__: the module moves from {old}/ to {new}/"
            self.report(node, message, unresolved=True)


def _changes_folder(path: str, plan: MigrationPlan) -> bool:
    """Whether the module's folder, relative to its package, is not the same after the move."""
    new = plan.new_paths.get(path)
    if new is None:
        return False
    old_dir = PurePosixPath(path).parent.relative_to(plan.source_package.replace(".", "/"))
    new_dir = PurePosixPath(new).parent.relative_to(plan.target_package)
    return old_dir != new_dir
