"""Stage 2: the frozen, reviewable `MigrationPlan`: where every module goes.

`build_plan` derives it from a `Discovery` and the user's `Config`; `plan_io.py`
saves it as TOML and loads an edited copy back.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Literal

from forgeapi_migrate import naming, pyast, resources, settle
from forgeapi_migrate.config import AliasStyle, Config
from forgeapi_migrate.discover import Discovery, module_name
from forgeapi_migrate.errors import Finding, MigrationError
from forgeapi_migrate.orm import OrmFacts, find_orm_facts
from forgeapi_migrate.reexports import find_reexports, passed_on, used_as_objects

MoveKind = Literal["domain", "global", "shared", "package", "alembic", "resource", "facade"]
FACADE: MoveKind = "facade"
STANDARD_MODULES = frozenset(
    {"router", "schemas", "models", "service", "dependencies", "config", "constants",
     "exceptions", "utils"}
)  # fmt: skip


@dataclass(frozen=True)
class ModuleMove:
    old: str
    new: str
    kind: MoveKind
    domain: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class MigrationPlan:
    source_package: str
    target_package: str
    moves: tuple[ModuleMove, ...]
    deletions: tuple[str, ...] = ()  # package __init__.py files that only held a layer
    creations: tuple[str, ...] = ()  # empty __init__.py files for new domain packages
    notes: tuple[Finding, ...] = ()
    entry: str | None = None  # "app.main:app"
    domains: tuple[str, ...] = ()  # domain packages of the target, e.g. ("items", "users")
    alias_style: AliasStyle = "singular"  # how cross-domain module aliases are spelled
    # "src.posts.service.get_user": names a patch string targets in their (new) module; they
    # must stay bound there, or the patch would silently miss.
    pinned_names: frozenset[str] = frozenset()
    # "src.users.dependencies.get_user": names other modules import from that module by name;
    # an import that binds one there must keep binding it (FM003 leaves it as it is).
    imported_names: frozenset[str] = frozenset()
    # Dissolved packages whose __init__ re-exported names: "app.models" -> {"User":
    # "app.models.user:User", "user": "app.models.user"} (see reexports.py, FM004).
    reexports: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    naming_convention: bool = False  # FM005: give the declarative base a naming convention
    sqlmodel: bool = False  # FM005: ...or SQLModel.metadata, in the package's __init__.py
    # Layer packages beside the app package, migrated with it (`models`, `schemas` beside `core`).
    siblings: tuple[str, ...] = ()
    # For package __init__ files moved out of their folder: "app.core.x" -> "app.core.db:x",
    # the names they only passed on (see `passed_on`; recomputed on every run).
    init_exports: Mapping[str, str] = field(default_factory=dict)

    @property
    def source_roots(self) -> tuple[str, ...]:
        return (self.source_package, *self.siblings)

    @cached_property
    def source_bytes_pattern(self) -> re.Pattern[bytes]:
        """A byte-level test for a mention of any source root (`app`, or `models` beside it)."""
        roots = b"|".join(re.escape(r.encode()) for r in self.source_roots)
        return re.compile(rb"\b(?:" + roots + rb")\b")

    def owns_module(self, dotted: str) -> bool:
        """`app.x.y` (or `models.user` for a sibling layer package) is one of the moved ones."""
        return dotted.partition(".")[0] in self.source_roots

    def owns_path(self, path: str) -> bool:
        head, slash, _ = path.partition("/")
        return bool(slash) and head in self.source_roots

    def in_target(self, path: str) -> str:
        """A path's place relative to the package, in the target: `app/static/x.css` ->
        `src/static/x.css`; a sibling layer package keeps its name: `models/x.txt` ->
        `src/models/x.txt`."""
        if path.startswith(self.source_package + "/"):
            return self.target_package + path[len(self.source_package) :]
        return f"{self.target_package}/{path}"

    @cached_property
    def module_map(self) -> dict[str, str | None]:
        """Old dotted module name -> new one (None: a dissolved package)."""
        mapping: dict[str, str | None] = {
            module_name(m.old): module_name(m.new)
            for m in self.moves
            if m.old.endswith(".py") and m.kind != FACADE
        }
        mapping.update({module_name(path): None for path in self.deletions})
        mapping.update({package: None for package in self.facades})  # dissolved all the same
        return mapping

    @cached_property
    def passed_on(self) -> dict[str, str]:
        """Names that a package `__init__` moved out of its folder (FMP03: `core/__init__.py`
        -> `src/core/api.py`) only passed on from its package's modules, where they live:
        `"app.core.core_app_extra" -> "src.db:core_app_extra"`. Importing them from there
        does not run the module (which imports every router) in the middle of an import."""
        moved: dict[str, str] = {}
        for name, target in self.init_exports.items():
            module, _, attribute = target.partition(":")
            new = self.module_map.get(module)
            if new is not None:
                moved[name] = f"{new}:{attribute}"
        return moved

    @cached_property
    def facades(self) -> dict[str, str]:
        """Dissolved re-exporting packages that some module reads as an object
        (`getattr(models, name)`): package -> the module that keeps re-exporting its names
        (`app.models` -> `src.all_models`). Only those readers import it (FM004)."""
        return {module_name(m.old): module_name(m.new) for m in self.moves if m.kind == FACADE}

    @cached_property
    def new_paths(self) -> dict[str, str]:
        return {m.old: m.new for m in self.moves}

    @cached_property
    def folder_map(self) -> dict[str, str | None]:
        """Old folder -> new folder, for folders whose files all move together keeping their
        relative paths; None for folders whose files scatter (the move dissolves them)."""
        candidates: dict[str, set[str | None]] = defaultdict(set)
        for old, new in self.new_paths.items():
            for folder in PurePosixPath(old).parents:
                if not folder.parts:
                    break
                rest = PurePosixPath(old).relative_to(folder).as_posix()
                keeps_shape = new.endswith("/" + rest)
                candidates[str(folder)].add(new[: -len(rest) - 1] if keeps_shape else None)
        for path in self.deletions:
            for folder in PurePosixPath(path).parents:
                if folder.parts:
                    candidates[str(folder)].add(None)
        folders = {f: (news.pop() if len(news) == 1 else None) for f, news in candidates.items()}
        folders[self.source_package] = self.target_package
        return folders

    def new_location(self, path: str) -> str | None:
        """Where a root-relative file or folder is after the move (None: a folder the move
        dissolves). Paths outside the package stay; a path inside it that names nothing
        known (a file written at run time) keeps its place relative to the package."""
        if path in self.new_paths:
            return self.new_paths[path]
        if path in self.folder_map:
            return self.folder_map[path]
        if not self.owns_path(path) or self.is_empty:
            return path
        for folder in (str(p) for p in PurePosixPath(path).parents):
            if folder in self.folder_map and folder != self.source_package:
                new_folder = self.folder_map[folder]
                return None if new_folder is None else new_folder + path[len(folder) :]
        return self.in_target(path)

    def new_dotted_path(self, dotted: str) -> str | None:
        """`app.crud.user.get` -> `src.users.service.get` (None: not a moved module path, or
        its longest known prefix is a package the move dissolves)."""
        parts = dotted.split(".")
        for size in range(len(parts), 1, -1):
            prefix = ".".join(parts[:size])
            if prefix in self.module_map:
                new = self.module_map[prefix]
                if new is None:
                    return self._through_reexport(prefix, parts[size:])
                return ".".join([new, *parts[size:]])
        return None

    def _through_reexport(self, package: str, rest: list[str]) -> str | None:
        """`app.crud.get_user` where the dissolved `app.crud` re-exported `get_user` from
        `app.crud.users`: the path of the name where it is defined now."""
        target = self.reexports.get(package, {}).get(rest[0]) if rest else None
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        return self.new_dotted_path(
            ".".join([module, *([attribute] if attribute else []), *rest[1:]])
        )

    def is_dissolved_path(self, dotted: str) -> bool:
        """True when a prefix of `app.x.y` is a package that the move dissolves."""
        parts = dotted.split(".")
        prefixes = (".".join(parts[:size]) for size in range(1, len(parts) + 1))
        return any(p in self.module_map and self.module_map[p] is None for p in prefixes)

    @property
    def new_entry(self) -> str | None:
        if self.entry is None:
            return None
        module, _, attribute = self.entry.partition(":")
        return f"{self.module_map.get(module) or module}:{attribute}"

    @property
    def is_empty(self) -> bool:
        return not self.deletions and not self.creations and all(m.old == m.new for m in self.moves)


def infer_domains(target: str, paths: Iterable[str]) -> tuple[str, ...]:
    """Packages directly under the target that hold at least one standard domain module."""
    domains = set()
    for path in paths:
        parts = PurePosixPath(path).parts
        if (
            len(parts) == 3
            and parts[0] == target
            and PurePosixPath(parts[2]).stem in STANDARD_MODULES
        ):
            domains.add(parts[1])
    return tuple(sorted(domains))


def build_plan(discovery: Discovery, config: Config) -> MigrationPlan:
    target = config.target
    if discovery.package == target and not _is_layered(discovery):
        domains = infer_domains(target, discovery.package_files())
        plan = MigrationPlan(
            target, target, (), domains=domains, alias_style=config.alias_style,
            naming_convention=naming_convention_wanted(discovery, config),
        )  # fmt: skip
        return with_repo_facts(plan, discovery)
    if discovery.package != target:  # else: the domains go inside the existing package
        _refuse_existing_target(discovery.root, target)
    alembic = resources.alembic_folder(discovery)
    files = [
        p
        for p in discovery.package_files()
        if p not in discovery.excluded and not (alembic and p.startswith(alembic + "/"))
    ]
    modules = [p for p in files if PurePosixPath(p).name != "__init__.py"]
    placements = _resolve_domains(modules, config, discovery)
    moves, notes = _assign_destinations(discovery.package, target, placements)
    init_moves, deletions, init_notes = _place_package_inits(discovery, files, target, moves)
    moves = [*moves, *init_moves]
    _refuse_module_package_clashes(moves)
    placed, resource_notes = resources.place_resources(
        discovery, target, {m.old: m.new for m in moves}, alembic
    )
    moves += [ModuleMove(old, new, "resource", None, why) for old, new, why in placed]
    if alembic is not None:
        moves += [
            ModuleMove(old, new, "alembic", None, why)
            for old, new, why in resources.alembic_moves(discovery, alembic)
        ]
    moves.sort(key=lambda m: m.old)
    entry = discovery.entry
    plan = MigrationPlan(
        source_package=discovery.package,
        target_package=target,
        moves=tuple(moves),
        deletions=tuple(sorted(deletions)),
        creations=missing_inits(target, moves, deletions),
        notes=tuple(
            sorted([*notes, *init_notes, *resource_notes, *_extra_notes(discovery, moves)])
        ),
        entry=f"{entry.module}:{entry.attribute}" if entry else None,
        domains=infer_domains(target, [m.new for m in moves]),
        alias_style=config.alias_style,
        naming_convention=naming_convention_wanted(discovery, config),
        siblings=discovery.siblings,
    )
    return with_repo_facts(plan, discovery)


def _extra_notes(discovery: Discovery, moves: list[ModuleMove]) -> list[Finding]:
    return [*_shadowing(discovery, moves), *_ignored_notes(discovery)]


def _ignored_notes(discovery: Discovery) -> list[Finding]:
    """Files in the package that git ignores (`app/core/secrets.py`) stay where they are: moved,
    they would land where the ignore rule may no longer match, and be committed."""
    message = "ignored by git: left in place (moving it could get it tracked); move it by hand"
    return [Finding(path, 1, "FMP07", message) for path in discovery.ignored]


_IMPORTED = re.compile(rb"^[ \t]*(?:from|import)[ \t]+(\w+)", re.MULTILINE)


def _shadowing(discovery: Discovery, moves: list[ModuleMove]) -> list[Finding]:
    """A new module or domain package named like a library the project imports
    (`models/pydantic.py` -> `src/pydantic/models.py`): harmless with absolute imports, but it
    shadows the library wherever `src/` itself is put on sys.path. Said, not renamed."""
    imported = {m.decode() for data in discovery.sources.values() for m in _IMPORTED.findall(data)}
    libraries = (imported | set(sys.stdlib_module_names)) - set(discovery.roots)
    notes: dict[str, Finding] = {}
    for move in moves:
        parts = PurePosixPath(move.new).with_suffix("").parts
        name = parts[1] if len(parts) > 1 else ""
        if name in libraries and name not in notes:
            message = (
                f"{move.new} is named like the library {name!r}; it shadows it if "
                f"{PurePosixPath(move.new).parts[0]}/ itself is on sys.path"
            )
            notes[name] = Finding(move.old, 1, "FMP06", message)
    return list(notes.values())


def naming_convention_wanted(discovery: Discovery, config: Config) -> bool:
    """As configured; by default only where no Alembic revision exists yet, because new
    constraint names change what autogenerate emits against existing databases."""
    if config.naming_convention is not None:
        return config.naming_convention
    return not has_revisions(discovery)


def has_revisions(discovery: Discovery) -> bool:
    """Whether an Alembic `versions/` folder (beside an env.py) holds a revision."""
    files = set(discovery.python_files)
    return any(
        str(PurePosixPath(p).parent.parent / "env.py") in files
        for p in files
        if PurePosixPath(p).parent.name == "versions"
    )


def with_repo_facts(plan: MigrationPlan, discovery: Discovery) -> MigrationPlan:
    """Add what the codemods must know about the whole tree: patch-target strings (at the
    names' new homes, where they stay pinned) and the re-exports of dissolved packages."""
    pinned = {plan.new_dotted_path(s) or s for s in discovery.dotted_strings}
    reexports = all_reexports(plan.source_package, plan.siblings, discovery.sources)
    dissolved = {k: v for k, v in reexports.items() if plan.module_map.get(k, "") is None}
    facts = find_orm_facts(discovery.roots, discovery.sources)
    wanted = plan.naming_convention and facts.sqlalchemy
    init_exports: dict[str, str] = {}
    for move in plan.moves:  # package __init__ files that left their folder (FMP03)
        if move.old.endswith("/__init__.py") and not move.new.endswith("/__init__.py"):
            data = discovery.sources.get(move.old, b"")
            init_exports.update(passed_on(module_name(move.old), data, plan.source_package))
    return replace(
        plan,
        init_exports=init_exports,
        pinned_names=frozenset(pinned),
        imported_names=frozenset(plan.new_dotted_path(s) or s for s in discovery.imported_names),
        reexports=dissolved,
        naming_convention=wanted,
        sqlmodel=wanted and facts.sqlmodel and not facts.has_convention,
        notes=tuple(sorted([*plan.notes, *_database_notes(discovery, facts, wanted)])),
    )


def all_reexports(
    package: str, siblings: tuple[str, ...], sources: Mapping[str, bytes]
) -> dict[str, dict[str, str]]:
    """Re-exports of the app package's layers and of the sibling layer packages (whose own
    root `__init__.py` is a layer's)."""
    found = find_reexports(package, sources)
    for sibling in siblings:
        found.update(find_reexports(sibling, sources, root_is_layer=True))
    return found


def _database_notes(discovery: Discovery, facts: OrmFacts, convention: bool) -> list[Finding]:
    """Why the Alembic and naming-convention steps do or do not apply (issue-free projects
    need to hear it as much as the others)."""
    where = f"{discovery.package}/__init__.py"
    if not facts.sqlalchemy:
        return [Finding(where, 1, "FMA01", facts.why_no_alembic, "info")]
    if discovery.alembic_ini is None:
        message = "SQLAlchemy without Alembic: --init-alembic adds alembic.ini and alembic/"
        return [Finding(where, 1, "FMA02", message, "info")]
    if not has_revisions(discovery):
        return []
    ini = discovery.alembic_ini
    if convention:
        message = (
            "naming convention added although Alembic revisions exist: constraint names "
            "change; review `alembic revision --autogenerate` against an upgraded database"
        )
        return [Finding(ini, 1, "FMA04", message)]
    message = (
        "Alembic revisions exist: no naming convention added (autogenerate would rename "
        "constraints); opt in with naming_convention = true in [tool.forgeapi-migrate]"
    )
    return [Finding(ini, 1, "FMA03", message, "info")]


def _is_layered(discovery: Discovery) -> bool:
    """Whether the package named like the target (`src/api/routes/users.py`) is still
    layered: then the domains go inside it (`src/users/router.py`). A module in a layer
    folder that is a domain's own module (`src/routes/router.py`, `src/models/service.py`
    of the domains `routes` and `models`) is domain-first already."""
    for path in discovery.package_files():
        parts = PurePosixPath(path).with_suffix("").parts[1:]
        if naming.is_test_code(parts) or len(parts) < 2:
            continue
        folder, stem = parts[-2], parts[-1]
        if folder in naming.PRIMARY_LAYERS and not naming.is_domain_module(folder, stem):
            return True
    return False


def _refuse_existing_target(root: Path, target: str) -> None:
    if (root / target).exists():
        raise MigrationError(
            f"the target package {target!r} already exists; choose another `target` in "
            "[tool.forgeapi-migrate] or move it away first",
            path=target,
        )


def _resolve_domains(
    modules: list[str], config: Config, discovery: Discovery
) -> dict[str, naming.Placement]:
    """Classify each module, apply the user's domain names, merge singular/plural spellings."""
    placements: dict[str, naming.Placement] = {}
    for path in modules:
        parts = PurePosixPath(path).with_suffix("").parts
        parts = parts[1:] if parts[0] == discovery.package else parts  # a sibling keeps its name
        placement = naming.classify(parts)
        if placement.role == "router" and _only_includes_routers(path, discovery):
            # `api/endpoints.py` that gathers the routers and defines none: the aggregator
            reason = f"{placement.reason}: it includes routers and defines no routes"
            placement = replace(
                placement, kind="global", role=naming.AGGREGATOR_ROLE, domain=None, reason=reason
            )
        if placement.role == naming.AGGREGATOR_ROLE and not _includes_routers(path, discovery):
            # `routes/routes.py` that defines routes itself: the routes domain's router
            reason = f"{placement.reason}: it defines routes, it includes none"
            placement = replace(
                placement, kind="domain", role="router", domain=parts[-1], reason=reason
            )
        if placement.kind == "domain" and _wraps_library(path, discovery.sources.get(path, b"")):
            # `models/pydantic.py` importing pydantic holds the layer's helpers for that
            # library: not a domain, and never a module named like the library itself
            role = f"{parts[-1]}_{placement.role}"
            reason = f"{placement.reason}; named like the library it imports"
            placement = replace(placement, kind="global", role=role, domain=None, reason=reason)
        override = config.domains.get(path) or (
            config.domains.get(placement.domain) if placement.domain else None
        )
        if override is not None:
            reason = f"{placement.reason}; domain set in [tool.forgeapi-migrate]"
            placement = replace(
                placement, kind="domain", role=placement.role or "utils", domain=override,
                secondary=False, reason=reason,
            )  # fmt: skip
        placements[path] = placement
    keys = {p.domain for p in placements.values() if p.domain and not p.secondary}
    canonical = naming.group_plurals(keys)
    keep = {*discovery.virtual, *(path for path in placements if path in config.domains)}
    keep |= {path for path, p in placements.items() if p.domain in config.domains.values()}
    placements = settle.lone_modules(placements, discovery.sources, canonical, keep)
    keys = {p.domain for p in placements.values() if p.domain and not p.secondary}
    canonical = naming.group_plurals(keys)
    for path, p in placements.items():
        if p.kind != "domain" or p.domain is None:
            continue
        domain = (
            canonical.get(p.domain)
            or canonical.get(p.domain + "s")
            or canonical.get(naming.singular(p.domain))
        )
        if p.secondary and domain is None:
            placements[path] = replace(
                p, kind="global", domain=None, secondary=False,
                reason=f"{p.reason}, no domain {p.domain!r}",
            )  # fmt: skip
        else:
            placements[path] = replace(p, domain=domain or p.domain, secondary=False)
    placements = settle.serve_one_domain(placements, discovery.sources)
    return settle.settle_domains(placements, discovery.package)


def _includes_routers(path: str, discovery: Discovery) -> bool:
    """An aggregator includes other routers; a file named `routes.py` may just define some."""
    data = discovery.sources.get(path, b"")
    return b"include_router" in data or not re.search(
        rb"@\w+\.(?:get|post|put|patch|delete)\(", data
    )


def _only_includes_routers(path: str, discovery: Discovery) -> bool:
    data = discovery.sources.get(path, b"")
    return b"include_router" in data and not _ROUTE.search(data)


_ROUTE = re.compile(rb"@\w+\.(?:get|post|put|patch|delete|api_route|websocket)\(|add_api_route")
_IMPORTED_TOP = re.compile(rb"^[ \t]*(?:from|import)[ \t]+(\w+)", re.MULTILINE)


def _wraps_library(path: str, data: bytes) -> bool:
    """The module imports a top-level module of its own name (`models/pydantic.py`). One
    pattern for every file: a pattern per file would be compiled per file."""
    return PurePosixPath(path).stem.encode() in _IMPORTED_TOP.findall(data)


def _assign_destinations(
    package: str, target: str, placements: dict[str, naming.Placement]
) -> tuple[list[ModuleMove], list[Finding]]:
    claims: dict[str, list[str]] = defaultdict(list)
    for path, p in placements.items():
        claims[_standard_destination(package, target, path, p)].append(path)
    moves: list[ModuleMove] = []
    notes: list[Finding] = []
    taken = set(claims) | {f"{PurePosixPath(dest).parent}.py" for dest in claims}  # packages too
    for dest, paths in sorted(claims.items()):
        first, *others = sorted(paths, key=lambda path: _claim_rank(path, placements[path]))
        moves.append(_move(first, dest, placements[first]))
        for path in others:
            p = placements[path]
            stem = PurePosixPath(path).stem
            name = naming.alternative_module_name(p, stem)
            names = [name, f"{name}_{p.role}"] if p.role and p.role != name else [name]
            alt = settle.distinct_name(path, first, names, taken, str(PurePosixPath(dest).parent))
            taken.add(alt)
            moves.append(_move(path, alt, p))
            notes.append(
                Finding(path, 1, "FMP01", f"{first} also maps to {dest}: kept apart as {alt}")
            )
    for move in moves:
        if move.kind == "shared" and not naming.is_test_code(
            PurePosixPath(move.old).with_suffix("").parts
        ):
            notes.append(Finding(move.old, 1, "FMP02", f"no layer or role: kept as {move.new}"))
    return moves, notes


def _standard_destination(package: str, target: str, path: str, p: naming.Placement) -> str:
    if p.kind == "domain":
        return f"{target}/{p.domain}/{p.role}.py"
    if p.kind == "global":
        return f"{target}/{p.role}.py"
    if path.startswith(package + "/"):
        return target + path[len(package) :]
    return f"{target}/{path}"  # a module of a sibling layer package


_SHARED = naming.Placement("shared", "", None, None, False, "")


def _claim_rank(path: str, p: naming.Placement) -> tuple[int, int, int, str]:
    """Who keeps the standard name: the file whose layer/stem says it most plainly, then the
    shallowest (`app/utils.py` over `app/crud/utils.py`)."""
    stem = PurePosixPath(path).stem
    layer_match = 0 if p.layer is not None and naming.singular(p.layer) == p.role else 1
    stem_rank = (
        naming.GLOBAL_PRIORITY.index(stem)
        if stem in naming.GLOBAL_PRIORITY
        else len(naming.GLOBAL_PRIORITY)
    )
    return (layer_match, stem_rank, path.count("/"), path)


def _move(path: str, dest: str, p: naming.Placement) -> ModuleMove:
    return ModuleMove(path, dest, p.kind, p.domain, p.reason)


def _place_package_inits(
    discovery: Discovery, files: list[str], target: str, moves: list[ModuleMove]
) -> tuple[list[ModuleMove], list[str], list[Finding]]:
    """Keep the `__init__.py` of packages that survive; dissolve the layer packages."""
    package = discovery.package
    reexports = all_reexports(discovery.package, discovery.siblings, discovery.sources)
    facades = used_as_objects(set(reexports), discovery.sources)
    surviving = {str(PurePosixPath(m.new).parent) for m in moves}
    # folders whose files keep their place (`db/main.py` -> `src/db/main.py`), as opposed to
    # a domain package that only shares a layer's name (`src/models/` of a domain models)
    kept = {
        str(PurePosixPath(m.new).parent)
        for m in moves
        if m.new == _standard_destination(package, target, m.old, _SHARED)
    }
    taken = {m.new for m in moves}
    init_moves: list[ModuleMove] = []
    deletions: list[str] = []
    notes: list[Finding] = []
    for path in (p for p in files if PurePosixPath(p).name == "__init__.py"):
        new = _standard_destination(package, target, path, _SHARED)
        directory = str(PurePosixPath(new).parent)
        routers = _routers_moving_out(path, directory, discovery.sources.get(path, b""), moves)
        if routers and path != f"{package}/__init__.py" and not _is_layer_package(path):
            # `core/__init__.py` importing `core/views/*` (now `src/<domain>/router.py`): left
            # as the package's __init__, it would import every router whenever anything
            # imports `src.core.helpers`, in an order no module had before (import cycles)
            dest = _free(f"{directory}/{naming.AGGREGATOR_ROLE}.py", taken)
            taken.add(dest)
            why = f"package __init__ importing routers that move out ({routers[0]}, ...)"
            init_moves.append(ModuleMove(path, dest, "global", None, why))
            message = f"imports routers that move out of its package: kept as {dest}"
            notes.append(Finding(path, 1, "FMP03", message))
        elif (
            path == f"{package}/__init__.py"
            or directory in kept
            or (directory in surviving and not _is_layer_package(path))
        ):
            init_moves.append(ModuleMove(path, new, "package", None, "package kept"))
        elif _is_trivial(discovery.sources.get(path, b"x")):
            deletions.append(path)
        elif module_name(path) in facades:
            dest = _free(f"{target}/all_{PurePosixPath(path).parent.name}.py", taken)
            taken.add(dest)
            user = facades[module_name(path)]
            why = f"read as an object in {user}: kept as a facade re-exporting its names"
            init_moves.append(ModuleMove(path, dest, FACADE, None, why))
            message = f"{user} reads this package as an object (getattr): kept as {dest}"
            notes.append(Finding(path, 1, "FMP08", message))
        elif module_name(path) in reexports:
            deletions.append(path)
            message = "package __init__ only re-exports: dissolved, its users point at the modules"
            notes.append(Finding(path, 1, "FMP04", message))
        else:
            dest = _layer_init_destination(path, target)
            if dest in taken:
                raise MigrationError(
                    f"this package __init__ has code and {dest} is already taken; "
                    "move its code into a module first",
                    path=path,
                )
            taken.add(dest)
            init_moves.append(ModuleMove(path, dest, "global", None, "package __init__ with code"))
            notes.append(Finding(path, 1, "FMP03", f"package __init__ has code: kept as {dest}"))
    return init_moves, deletions, notes


def _routers_moving_out(
    init: str, directory: str, data: bytes, moves: list[ModuleMove]
) -> list[str]:
    """The router modules an `__init__.py` imports that the plan moves out of its folder."""
    if b"import" not in data:
        return []
    imported = settle.imported_modules(init, data)
    return sorted(
        m.old
        for m in moves
        if module_name(m.old) in imported
        and PurePosixPath(m.new).name in ("router.py", f"{naming.AGGREGATOR_ROLE}.py")
        and not m.new.startswith(directory + "/")
    )


def _free(path: str, taken: set[str]) -> str:
    stem, number = path.removesuffix(".py"), 2
    while path in taken:
        path, number = f"{stem}_{number}.py", number + 1
    return path


def _is_layer_package(init: str) -> bool:
    """`app/models/__init__.py` is the models layer's, even where a domain called models
    takes `src/models/`; a test package's `__init__.py` (`app/tests/api/`) is no layer's."""
    parts = PurePosixPath(init).parts
    return naming.is_layer_folder(parts[-2]) and not naming.TEST_DIRS.intersection(parts[:-1])


def _layer_init_destination(path: str, target: str) -> str:
    layer = PurePosixPath(path).parent.name
    role = naming.PRIMARY_LAYERS.get(layer) or naming.SECONDARY_LAYERS.get(layer) or layer
    if role == "router":
        role = naming.AGGREGATOR_ROLE
    return f"{target}/{role}.py"


def _is_trivial(data: bytes) -> bool:
    """Empty, or only comments and a docstring: nothing is lost by deleting it."""
    try:
        body = pyast.parse(data).body
    except (SyntaxError, ValueError):
        return False
    docstring = (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    )
    return len(body) == (1 if docstring else 0)


def missing_inits(
    target: str, moves: list[ModuleMove] | tuple[ModuleMove, ...], deleted: Iterable[str] = ()
) -> tuple[str, ...]:
    """The `__init__.py` files the target's new packages need. A folder of the package that
    had none (a namespace folder: `app/alembic/` with `env.py` and `versions/`) and moves
    whole keeps having none: an `__init__.py` there would make Alembic's `versions/` a
    package, and change nothing for the better."""
    have = {m.new for m in moves}
    needed: set[str] = set()
    for move in (m for m in moves if m.new.endswith(".py")):
        parent = PurePosixPath(move.new).parent
        while parent.parts and parent.parts[0] == target:
            needed.add(str(parent / "__init__.py"))
            parent = parent.parent
    return tuple(sorted(needed - have - _namespace_inits(moves, set(deleted))))


def _namespace_inits(moves: Iterable[ModuleMove], deleted: set[str]) -> set[str]:
    """`<new folder>/__init__.py` for each new folder that mirrors an old folder without an
    `__init__.py` (same path inside the package) and receives only that folder's files."""
    olds = {m.old for m in moves} | deleted
    sources: dict[PurePosixPath, set[PurePosixPath]] = defaultdict(set)
    for move in moves:
        old, new = PurePosixPath(move.old), PurePosixPath(move.new)
        for depth in range(1, len(new.parts)):  # every folder above the new file
            folder = PurePosixPath(*new.parts[: len(new.parts) - depth])
            below = new.parts[len(new.parts) - depth :]
            shaped = len(old.parts) > depth and old.parts[len(old.parts) - depth :] == below
            mirror = PurePosixPath(*old.parts[: len(old.parts) - depth]) if shaped else None
            sources[folder].add(
                mirror if mirror is not None and mirror.parts[1:] == folder.parts[1:] else new
            )
    return {
        str(folder / "__init__.py")
        for folder, origins in sources.items()
        if len(origins) == 1
        and (origin := next(iter(origins))).parts[1:] == folder.parts[1:]
        and len(folder.parts) > 1
        and str(origin / "__init__.py") not in olds
    }


def _refuse_module_package_clashes(moves: list[ModuleMove]) -> None:
    modules = {str(PurePosixPath(m.new).with_suffix("")): m for m in moves}
    for move in moves:
        for parent in PurePosixPath(move.new).parents:
            if str(parent) in modules:
                clash = modules[str(parent)]
                raise MigrationError(
                    f"{clash.old} would become {clash.new}, but {move.old} needs a package "
                    f"{parent}/; set a domain in [tool.forgeapi-migrate.domains]",
                    path=move.old,
                )
