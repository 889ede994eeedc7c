"""Settling what two modules both want, instead of refusing the run.

Real repositories name things the textbook does not expect: a router called `utils.py`, a
domain called `token` (a standard-library module), a top-level `auth.py` beside a
`routers/auth.py`, the same router name in two sub-applications. Each of these makes two
modules want one name in the target. The plan decides, deterministically, and says why
(FMP01, FMP05); it refuses only when no placement is possible.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import PurePosixPath

from forgeapi_migrate import naming, pyast
from forgeapi_migrate.discover import module_name
from forgeapi_migrate.naming import Placement

# Names a domain package must not take: the target's global modules, and what a script run
# from inside the package (`python src/initial_data.py`) would import instead of the library.
STDLIB = frozenset(sys.stdlib_module_names)


def settle_domains(placements: Mapping[str, Placement], package: str) -> dict[str, Placement]:
    """A top-level module named like a domain joins it (`app/auth.py` beside
    `routers/auth.py`); a domain named like a global module or a standard-library module gets
    another name (`token` -> `tokens`, `utils` -> `utils_domain`)."""
    domains = {p.domain for p in placements.values() if p.kind == "domain" and p.domain}
    settled = dict(placements)
    for path, p in placements.items():
        joined = _joined_domain(path, p, package, domains)
        if joined is not None:
            settled[path] = _join(p, joined, PurePosixPath(path).stem, placements)
    reserved = {p.role for p in settled.values() if p.kind == "global"} | {
        _top_stem(path, package) for path, p in settled.items() if p.kind == "shared"
    }
    clashing = sorted(d for d in domains if d in reserved or d in STDLIB)
    renames = {d: free_name(d, reserved | domains) for d in clashing}
    for path, p in settled.items():
        if p.kind == "domain" and p.domain in renames:
            new = renames[p.domain]
            why = "a global module" if p.domain in reserved else "a standard-library module"
            reason = f"{p.reason}; domain {p.domain!r} renamed {new!r}: named like {why}"
            settled[path] = replace(p, domain=new, reason=reason)
    return settled


def free_name(domain: str, taken: set[str]) -> str:
    """`token` -> `tokens`; a name that is plural already, or whose plural is taken too, gets a
    `_domain` suffix (`utils` -> `utils_domain`)."""
    plural = domain + "s" if naming.singular(domain + "s") == domain else domain
    if plural != domain and plural not in taken and plural not in STDLIB:
        return plural
    return f"{domain}_domain"


def _top_stem(path: str, package: str) -> str:
    parts = PurePosixPath(path).with_suffix("").parts
    return parts[1] if len(parts) > 1 and parts[0] == package else ""


def _joined_domain(path: str, p: Placement, package: str, domains: set[str]) -> str | None:
    """The domain a top-level shared module is named after (`app/auth.py`, `app/invoice.py`)."""
    parts = PurePosixPath(path).with_suffix("").parts
    if p.kind != "shared" or len(parts) != 2 or parts[0] != package:
        return None
    stem = parts[1]
    for domain in (stem, stem + "s", naming.singular(stem)):
        if domain in domains:
            return domain
    return None


def _join(p: Placement, domain: str, stem: str, placements: Mapping[str, Placement]) -> Placement:
    """It becomes the domain's service module, or keeps its own name there beside one."""
    roles = {q.role for q in placements.values() if q.kind == "domain" and q.domain == domain}
    role = "service" if "service" not in roles else stem
    reason = f"named like the {domain} domain: joins it"
    return replace(p, kind="domain", role=role, domain=domain, reason=reason)


def distinct_name(path: str, first: str, names: list[str], taken: set[str], folder: str) -> str:
    """A free module name in `folder` for `path`, whose wanted names are taken (the first by
    `first`): the names themselves, then prefixed with the nearest folder of its own path that
    `first`'s path lacks (`apps/dashboard/routers/users.py` -> `dashboard_router`), else
    numbered."""
    own = PurePosixPath(path).parent.parts
    other = set(PurePosixPath(first).parent.parts)
    prefixed = [f"{d}_{names[0]}" for d in reversed(own[1:]) if d not in other]
    for candidate in (f"{folder}/{name}.py" for name in [*names, *prefixed]):
        if candidate not in taken:
            return candidate
    name = names[0]
    number = 2
    while f"{folder}/{name}_{number}.py" in taken:
        number += 1
    return f"{folder}/{name}_{number}.py"


# A layer module named like the library it wraps (`models/pydantic.py`): what it holds.
LIBRARY_ROLES = {
    "pydantic": "schemas", "marshmallow": "schemas", "tortoise": "models", "sqlalchemy": "models",
    "sqlmodel": "models", "ormar": "models", "beanie": "models", "odmantic": "models",
    "peewee": "models", "mongoengine": "models",
}  # fmt: skip


def serve_one_domain(
    placements: Mapping[str, Placement], sources: Mapping[str, bytes]
) -> dict[str, Placement]:
    """A module named like a layer (`api/crud.py`, `services/models.py`) or like the library it
    wraps (`models/pydantic.py`) is no domain of its own: when the modules that import it all
    belong to one domain, it joins that domain, in the role its name or library says
    (`api/crud.py` -> `summaries/service.py`)."""
    settled = dict(placements)
    doubtful = sorted(p for p, q in placements.items() if _doubtful(p, q))
    if not doubtful:
        return settled
    users = _importers(doubtful, sources)
    for _ in doubtful:  # a joined module may be what decides the next one
        changed = False
        for path in doubtful:
            domains = {settled[u].domain or "" for u in users[path] if u in settled} - {""}
            if len(domains) != 1 or domains == {settled[path].domain}:
                continue  # global and shared users do not count: they use every domain
            settled[path] = _served(settled[path], path, domains.pop())
            changed = True
        if not changed:
            break
    return settled


def _doubtful(path: str, p: Placement) -> bool:
    stem = PurePosixPath(path).stem
    wraps_library = (
        p.kind == "global" and p.role == f"{stem}_{naming.PRIMARY_LAYERS.get(p.layer or '', '')}"
    )
    return (p.kind == "domain" and stem in naming.LAYER_WORDS) or wraps_library


def _served(p: Placement, path: str, domain: str) -> Placement:
    stem = PurePosixPath(path).stem
    named = naming.PRIMARY_LAYERS.get(stem) or naming.SECONDARY_LAYERS.get(stem)
    # the folder gives the role (`services/models.py`: a service), except an `api/` or
    # `routes/` folder holding another layer's module (`api/crud.py`: a service)
    layer_role = p.role if p.kind == "domain" else naming.PRIMARY_LAYERS.get(p.layer or "", stem)
    role = LIBRARY_ROLES.get(stem) or (named if layer_role == "router" else None) or layer_role
    reason = f"{p.reason}; only the {domain} domain uses it"
    return replace(p, kind="domain", role=role, domain=domain, reason=reason)


def _importers(paths: list[str], sources: Mapping[str, bytes]) -> dict[str, set[str]]:
    """For each module path, the files that import it (by any absolute or relative form)."""
    wanted = {module_name(path): path for path in paths}
    found: dict[str, set[str]] = {path: set() for path in paths}
    for user, data in sorted(sources.items()):
        if user in found or not any(m.rpartition(".")[2].encode() in data for m in wanted):
            continue
        for module in imported_modules(user, data):
            if module in wanted:
                found[wanted[module]].add(user)
    return found


def imported_modules(path: str, data: bytes) -> set[str]:
    """Every module an import statement of the file may name (`from a import b`: `a`, `a.b`)."""
    try:
        tree = pyast.parse(data)
    except (SyntaxError, ValueError):
        return set()
    here = module_name(path).split(".")
    package = here if path.endswith("__init__.py") else here[:-1]
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            modules.add(module)
            modules.update(f"{module}.{alias.name}" for alias in node.names)
    return modules


# A table of SQLAlchemy (declarative or Core), SQLModel, Tortoise or ormar.
_TABLE = re.compile(rb"__tablename__|__table__|\bTable\(|table=True|class Meta\b|ormar_config")


def lone_modules(
    placements: Mapping[str, Placement],
    sources: Mapping[str, bytes],
    canonical: Mapping[str, str],
    keep: set[str],
) -> dict[str, Placement]:
    """A domain made of one module, outside the router layers, that defines no table and no
    name of its domain (`schemas/jwt.py` holding `JWToken`, `repository/table.py` holding a
    declarative base, `models/rwmodel.py`) is a shared module, not a domain: it becomes a
    global module of its own name (`src/jwt.py`; `repository/database.py` -> the database
    module). `keep` holds the paths whose domain the user set, and the pieces of split files."""
    members: dict[str, list[str]] = {}
    for path, p in placements.items():
        if p.kind == "domain" and p.domain and not p.secondary:
            members.setdefault(canonical.get(p.domain, p.domain), []).append(path)
    settled = dict(placements)
    for domain, paths in sorted(members.items()):
        if len(paths) != 1 or paths[0] in keep:
            continue
        path = paths[0]
        p = placements[path]
        if p.role == "router" or p.layer is None or not _is_lone(domain, sources.get(path, b"")):
            continue
        stem = PurePosixPath(path).stem
        role = naming.GLOBAL_STEMS.get(stem, stem)
        reason = (
            f"{p.reason}; defines no table, no routes and no {domain}-named name: "
            "a shared module, not a domain"
        )
        settled[path] = replace(p, kind="global", role=role, domain=None, reason=reason)
    return settled


def _is_lone(domain: str, data: bytes) -> bool:
    if _TABLE.search(data):
        return False
    try:
        tree = pyast.parse(data)
    except (SyntaxError, ValueError):
        return False  # the transform stage reports it; keep the plan as the path says
    words = {domain, naming.singular(domain)}
    prefixes = tuple(naming.camel(w) for w in words)
    defined = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    if not any(isinstance(node, defined) for node in tree.body):
        return False  # nothing to judge by (an empty module): the path decides
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith(prefixes):
            return False
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and words & set(
            node.name.lower().split("_")
        ):
            return False
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and words & set(target.id.lower().split("_")):
                    return False
    return True
