"""Package `__init__.py` files that only re-export names of their own modules.

`app/models/__init__.py` holding `from .user import User` and `from .item import Item`
lets code write `from app import models` + `models.User`. Such a package is a layer, not a
home: the migration dissolves it and FM004 points its users at the real modules. Found with
`ast` (facts about the tree, recomputed on every run, never edited in a plan file).
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from forgeapi_migrate import pyast
from forgeapi_migrate.discover import call_name, module_name

Exports = dict[str, str]  # bound name -> "pkg.module" (a module) or "pkg.module:name"


def find_reexports(
    package: str, sources: Mapping[str, bytes], root_is_layer: bool = False
) -> dict[str, Exports]:
    """`{"app.models": {"User": "app.models.user:User", "user": "app.models.user"}}`.
    The package's own `__init__.py` counts only for a layer package (`models/` at the top)."""
    modules = {module_name(path): data for path, data in sources.items()}
    found: dict[str, Exports] = {}
    for path, data in sources.items():
        is_root = path == f"{package}/__init__.py"
        if not path.endswith("/__init__.py") or (is_root and not root_is_layer):
            continue
        if not path.startswith(package + "/"):
            continue
        init_module = module_name(path)
        exports = _exports(init_module, data, modules, package)
        if exports:
            # `from app.models import user` imports the submodule whatever __init__ binds
            submodules = (m for m in modules if m.rpartition(".")[0] == init_module)
            for submodule in submodules:
                exports.setdefault(submodule.rpartition(".")[2], submodule)
            found[init_module] = exports
    return found


def _exports(
    init_module: str, data: bytes, modules: Mapping[str, bytes], package: str
) -> Exports | None:
    try:
        body = pyast.parse(data).body
    except (SyntaxError, ValueError):
        return None
    exports: Exports = {}
    for index, statement in enumerate(body):
        if _is_docstring(statement, index) or _is_dunder_all(statement):
            continue
        if not isinstance(statement, ast.ImportFrom) or statement.module == "__future__":
            return None
        base = _resolve(init_module, statement.module, statement.level)
        if base is None:
            return None
        if not (base == package or base.startswith(package + ".")):
            # a library's name passed on (`from sqlmodel import SQLModel`): its users import
            # it from the library
            if any(alias.name == "*" for alias in statement.names):
                return None
            exports.update({a.asname or a.name: f"{base}:{a.name}" for a in statement.names})
            continue
        for alias in statement.names:
            if alias.name == "*":
                if base not in modules:
                    return None
                exports.update({name: f"{base}:{name}" for name in _public_names(modules[base])})
                continue
            candidate = f"{base}.{alias.name}"
            target = candidate if candidate in modules else f"{base}:{alias.name}"
            exports[alias.asname or alias.name] = target
    return exports


def _public_names(data: bytes) -> list[str]:
    """What `from module import *` binds: `__all__` if it is a literal list, else the public
    top-level names (classes, functions, assignments, imports)."""
    try:
        body = pyast.parse(data).body
    except (SyntaxError, ValueError):
        return []
    names: list[str] = []
    for statement in body:
        if _is_dunder_all(statement) and isinstance(statement, ast.Assign):
            value = statement.value
            if isinstance(value, ast.List | ast.Tuple):
                return [
                    e.value
                    for e in value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
        if isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(statement.name)
        elif isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names.extend(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(statement, ast.Import | ast.ImportFrom):
            names.extend(
                (a.asname or a.name).split(".")[0] for a in statement.names if a.name != "*"
            )
    return [name for name in names if not name.startswith("_")]


def _is_docstring(statement: ast.stmt, index: int) -> bool:
    return (
        index == 0
        and isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _is_dunder_all(statement: ast.stmt) -> bool:
    targets = (
        statement.targets
        if isinstance(statement, ast.Assign)
        else [statement.target]
        if isinstance(statement, ast.AugAssign | ast.AnnAssign)
        else []
    )
    return any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets)


def _resolve(init_module: str, module: str | None, level: int) -> str | None:
    """The absolute module of a `from` import inside the package `init_module`."""
    if level == 0:
        return module
    parts = init_module.split(".")
    if level - 1 >= len(parts):
        return None
    base = ".".join(parts[: len(parts) - (level - 1)])
    return f"{base}.{module}" if module else base


# Calls that read a module as an object, by a name known only at run time.
_INTROSPECTION = frozenset({"getattr", "hasattr", "vars", "dir", "getmembers"})


def used_as_objects(packages: set[str], sources: Mapping[str, bytes]) -> dict[str, str]:
    """Re-exporting packages that some module reads as an object (`getattr(models, name)`,
    `vars(models)`): package -> the first such module's path. No import can name what
    such code reads, so the package must stay importable as one object (a facade)."""
    leaves = {package.rpartition(".")[2].encode() for package in packages}
    found: dict[str, str] = {}
    for path, data in sorted(sources.items()):
        if not any(leaf in data for leaf in leaves) or not any(
            f"{call}(".encode() in data for call in _INTROSPECTION
        ):
            continue
        try:
            tree = pyast.parse(data)
        except (SyntaxError, ValueError):
            continue
        bound = _package_bindings(tree, module_name(path), path.endswith("__init__.py"), packages)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and call_name(node) in _INTROSPECTION
                and node.args
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id in bound
            ):
                found.setdefault(bound[node.args[0].id], path)
    return found


def _package_bindings(
    tree: ast.Module, here: str, is_package: bool, packages: set[str]
) -> dict[str, str]:
    """Local name -> package, for `from app import models [as m]` (or relative) and
    `import app.models as m`."""
    package = here if is_package else here.rpartition(".")[0]
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = _resolve(package, node.module, node.level) if node.level else node.module
            for alias in node.names:
                if f"{base}.{alias.name}" in packages:
                    bound[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in packages and alias.asname:
                    bound[alias.asname] = alias.name
    return bound


def passed_on(init_module: str, data: bytes, package: str) -> dict[str, str]:
    """The names a module with code of its own only passes on from other modules of the
    package (`core/__init__.py`: `from .db import core_app_extra`): `"app.core.core_app_extra"
    -> "app.core.db:core_app_extra"`. A name the module binds again is its own."""
    try:
        body = pyast.parse(data).body
    except (SyntaxError, ValueError):
        return {}
    imported: dict[str, str] = {}
    bound_again: set[str] = set()
    for statement in body:
        if isinstance(statement, ast.ImportFrom) and statement.module != "__future__":
            base = _resolve(init_module, statement.module, statement.level)
            if base is None or not (base == package or base.startswith(package + ".")):
                continue
            for alias in statement.names:
                if alias.name != "*":
                    imported[alias.asname or alias.name] = f"{base}:{alias.name}"
        else:
            for node in ast.walk(statement):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    bound_again.add(node.id)
                elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    bound_again.add(node.name)
    return {
        f"{init_module}.{name}": target
        for name, target in imported.items()
        if name not in bound_again
    }
