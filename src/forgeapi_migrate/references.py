"""References to the old package in non-Python files (Dockerfile, CI, ini/toml/cfg, scripts).

They are not rewritten yet; each one that names a real moved module or folder is
reported with file and line. Look-alikes (`/app/backend`, `app.log`) are not: a
reference counts only when it names a module or package that the plan knows.
"""

from __future__ import annotations

import re

from forgeapi_migrate.discover import Discovery
from forgeapi_migrate.errors import Finding
from forgeapi_migrate.plan import MigrationPlan

CODE = "FM090"


def scan_text_files(discovery: Discovery, plan: MigrationPlan) -> tuple[Finding, ...]:
    if plan.is_empty:
        return ()
    package = plan.source_package
    pattern = re.compile(rf"(?<![\w./-]){re.escape(package)}(?:[./:][A-Za-z_]\w*)+")
    findings = []
    for path in discovery.text_files:
        text = (discovery.root / path).read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for match in pattern.finditer(line):
                if _names_known_module(match.group(), plan):
                    message = f"{match.group()!r} names the old package; not rewritten"
                    findings.append(Finding(path, number, CODE, message))
    return tuple(findings)


def _names_known_module(reference: str, plan: MigrationPlan) -> bool:
    module = reference.split(":")[0].removesuffix(".py").replace("/", ".")
    while "." in module:
        if module in plan.module_map:
            return True
        module = module.rpartition(".")[0]
    return False
