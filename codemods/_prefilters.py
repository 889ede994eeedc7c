"""Each codemod's first question, asked of a file's bytes before anything is parsed: can this
codemod change it? False means the file is not parsed for it.

They live here, apart from the codemods, so that asking costs no libcst import: on a tree
that needs nothing (a second run) libcst is never imported at all. Each codemod's
`applies_to` is the function of the same name.
"""

from __future__ import annotations

import re

from forgeapi_migrate.codemods._alias_forms import (
    RELATIVE_IMPORT,
    may_reach_other_domain,
    needs_aliases,
)
from forgeapi_migrate.plan import MigrationPlan


def resolve_reexports(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM004: the file names a dissolved re-exporting package."""
    return any(package.rpartition(".")[2].encode() in data for package in plan.reexports)


def rewrite_imports(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM001: only when something moves, and the file names the package or (inside it)
    imports relatively: a file that does neither cannot reference a moved module."""
    if not plan.module_map:
        return False
    if plan.source_bytes_pattern.search(data):
        return True
    return plan.owns_path(path) and RELATIVE_IMPORT.search(data) is not None


_TOP_LEVEL_DEFINITION = re.compile(rb"^(?:@|def[ \t]|class[ \t]|async[ \t]+def[ \t])", re.M)


def rewrite_imports_head(data: bytes, plan: MigrationPlan) -> int:
    """FM001 changes import statements, and `app.x.y` chains used through a plain
    `import app.x`: nothing in a part of the file that holds neither the word `import` nor a
    mention of the package. The file up to the first top-level `def`, `class` or decorator
    after the last of them, or all of it."""
    last = data.rfind(b"import")
    last = 0 if last < 0 else last + len(b"import")
    for mention in plan.source_bytes_pattern.finditer(data, last):
        last = mention.end()
    found = _TOP_LEVEL_DEFINITION.search(data, last)
    return found.start() if found else len(data)


def use_module_aliases(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM003: a domain module with an import line that may reach another domain."""
    return may_reach_other_domain(path, data, plan)


def confirm_module_aliases(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM003's second question, asked (with `ast`) only of a file that no other codemod has
    parsed whole anyway: does it import another domain outside the documented forms? For a
    file that is, FM003's `wants` answers the same on the libcst tree, for free."""
    return needs_aliases(path, data, plan)


def add_naming_convention(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM005: the package `__init__` of a SQLModel project, or a file that declares a base
    without a naming convention."""
    if plan.sqlmodel and path == f"{plan.source_package}/__init__.py":
        return True
    declares_base = b"DeclarativeBase" in data or b"declarative_base(" in data
    return plan.naming_convention and declares_base and b"naming_convention" not in data


def rewrite_dotted_paths(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM002: a string that starts with a migrated package's name."""
    if not plan.module_map:
        return False
    roots = b"|".join(re.escape(r.encode()) for r in plan.source_roots)
    return re.search(rb"[\"'](?:" + roots + rb")[./]", data) is not None


def rewrite_file_relative_paths(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM006: something moves, and the file builds a path from `__file__`."""
    return b"__file__" in data and not plan.is_empty
