"""FM002: report string literals that name a moved module by its dotted path.

`mock.patch("app.crud.user.get")`, `"app.main:app"` given to uvicorn, Celery task
names: such strings are not imports, so FM001 leaves them alone. Until they are
rewritten, each one is reported with its file and line so that nothing breaks silently.
"""

from __future__ import annotations

import re

import libcst as cst

from forgeapi_migrate.codemods._helpers import MigrationCodemod, is_within


class ReportDottedPaths(MigrationCodemod):
    ID = "FM002"
    DESCRIPTION = "Report strings that name a moved module by dotted path (not rewritten yet)."

    def visit_Module(self, node: cst.Module) -> None:
        package = re.escape(self.plan.source_package)
        self.pattern = re.compile(rf"{package}(\.\w+)+(:\w+)?")

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if not isinstance(value, str) or not self.pattern.fullmatch(value):
            return
        module = value.partition(":")[0]
        while module and module not in self.plan.module_map:
            module = module.rpartition(".")[0]
        # `"app.log"` is a file name, not the package: only a known submodule counts.
        if module != self.plan.source_package and is_within(module, self.plan.source_package):
            self.report(node, f"string {value!r} names the old module path; rewrite it by hand")
