"""The forms FM003 brings cross-domain imports to, and the cheap checks (bytes, then `ast`)
that decide whether a file needs FM003 at all."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from forgeapi_migrate import naming, pyast
from forgeapi_migrate.discover import module_name
from forgeapi_migrate.plan import MigrationPlan

_FROM_MODULE = re.compile(rb"^[ \t]*(?:from|import)[ \t]+(\w+(?:\.\w+)*)", re.MULTILINE)
RELATIVE_IMPORT = re.compile(rb"^[ \t]*from[ \t]+\.", re.MULTILINE)


def may_reach_other_domain(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """Whether this file is a domain module with an import line that may reach another domain
    (bytes only: a regular expression over the import lines)."""
    parts = plan.new_paths.get(path, path).split("/")
    if not (len(parts) == 3 and parts[0] == plan.target_package and parts[1] in plan.domains):
        return False
    return RELATIVE_IMPORT.search(data) is not None or any(
        reaches_other_domain((plan.new_dotted_path(name) or name).split("."), parts[1], plan)
        or plan.is_dissolved_path(name)
        for name in (m.decode("ascii", "replace") for m in _FROM_MODULE.findall(data))
    )


def needs_aliases(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """Whether this domain module imports another domain outside the documented forms, decided
    with `ast` (C speed): for a file that no other codemod makes libcst parse (a migrated
    one above all), this saves the parse. Asked after `may_reach_other_domain` said yes."""
    own = plan.new_paths.get(path, path).split("/")[1]
    try:
        tree = pyast.parse(data)
    except (SyntaxError, ValueError):
        return True  # the libcst parse will report it with its line
    package = module_name(path).rpartition(".")[0]
    for node in _ast_imports(tree.body):
        if isinstance(node, ast.Import):
            if _import_needs_work(node, own, plan):
                return True
            continue
        old = _absolute(package, node.module, node.level)
        if old is None:
            return True  # a relative import above the top: the libcst parse reports it
        moved = plan.new_dotted_path(old)
        if moved is None and plan.is_dissolved_path(old):
            # `from app.crud import user`: each name is a module of its own, or a name the
            # dissolved package re-exported; FM003 has work if one reaches another domain.
            if any(_may_reach(f"{old}.{a.name}", own, plan) for a in node.names):
                return True
            continue
        new = (moved or old).split(".")
        names = [(a.name, a.asname or a.name) for a in node.names]
        if reaches_other_domain(new, own, plan) and not in_documented_form(
            new, names, plan.alias_style
        ):
            return True
    return False


def _may_reach(old: str, own: str, plan: MigrationPlan) -> bool:
    """Whether `app.x.y` is, after the move, in a domain other than `own` (or unknown)."""
    new = plan.new_dotted_path(old)
    # `src.<b>.service.get_user` (a re-exported name) reaches domain b as `src.<b>.service` does
    return new is None or reaches_other_domain(new.split(".")[:3], own, plan)


def reaches_other_domain(parts: list[str], own: str, plan: MigrationPlan) -> bool:
    """`src.<b>` or `src.<b>.<module>` for a domain b other than the file's own."""
    return (
        len(parts) in (2, 3)
        and parts[0] == plan.target_package
        and parts[1] in plan.domains
        and parts[1] != own
    )


def in_documented_form(parts: list[str], names: list[tuple[str, str]], style: str) -> bool:
    """Whether `from <parts> import <name as bound, ...>` already follows the convention:
    modules under their conventional alias, classes that name their domain."""
    domain = parts[1]
    if len(parts) == 2:
        return all(bound == naming.module_alias(domain, name, style) for name, bound in names)
    return all(is_class(name) and naming.names_its_domain(bound, domain) for name, bound in names)


def is_class(name: str) -> bool:
    return name[:1].isupper() and not name.isupper()


def _import_needs_work(node: ast.Import, own: str, plan: MigrationPlan) -> bool:
    """`import <pkg>.<b>.<m> as x` reaching another domain: it becomes the `from` form."""
    if len(node.names) != 1 or node.names[0].asname is None:
        return False
    name = node.names[0].name
    new = (plan.new_dotted_path(name) or name).split(".")
    return len(new) == 3 and reaches_other_domain(new, own, plan)


def _ast_imports(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports at any depth, walking statement blocks only (as `find_imports` does)."""
    for statement in body:
        if isinstance(statement, ast.Import | ast.ImportFrom):
            yield statement
        for block in ("body", "orelse", "handlers", "finalbody", "cases"):
            inner = getattr(statement, block, None)
            if isinstance(inner, list):
                yield from _ast_imports([s for s in inner if isinstance(s, ast.stmt)])
                for item in inner:  # except handlers and match cases hold their own bodies
                    if isinstance(item, ast.ExceptHandler | ast.match_case):
                        yield from _ast_imports(item.body)


def _absolute(package: str, module: str | None, level: int) -> str | None:
    if level == 0:
        return module
    base = package.rsplit(".", level - 1)
    if len(base) < level or not base[0]:
        return None
    return f"{base[0]}.{module}" if module else base[0]
