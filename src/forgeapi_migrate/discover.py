"""Stage 1: find what is in the repository, without importing any of it.

Walks the tree once, finds the application package (the one that creates a
`FastAPI()` app), its modules, the entry module, the Alembic setup and the other
Python and text files whose references may need to follow the move.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from forgeapi_migrate import naming, pyast, size_limit, vcs
from forgeapi_migrate.config import Config
from forgeapi_migrate.errors import MigrationError

if TYPE_CHECKING:
    from forgeapi_migrate.split import Split

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
     "build", "dist", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", "site-packages",
     ".corpus-env", ".idea", ".vscode"}
)  # fmt: skip
NOT_APP_DIRS = frozenset({"tests", "test", "alembic", "migrations", "scripts", "docs"})
TEXT_FILE_NAMES = frozenset(
    {"Dockerfile", "Containerfile", "Makefile", "Procfile", "alembic.ini", ".coveragerc",
     ".flake8", ".pylintrc"}
)  # fmt: skip
TEXT_SUFFIXES = frozenset(
    {".toml", ".cfg", ".ini", ".yml", ".yaml", ".sh", ".env", ".mk", ".dockerfile",
     ".md", ".rst"}  # documentation: the code in it follows too
)  # fmt: skip


@dataclass(frozen=True)
class EntryPoint:
    module: str
    attribute: str


@dataclass(frozen=True)
class Discovery:
    root: Path
    package: str
    python_files: tuple[str, ...]  # every .py file, relative POSIX paths, sorted
    text_files: tuple[str, ...]  # config/scripts that may name the package
    excluded: tuple[str, ...]
    entry: EntryPoint | None
    alembic_ini: str | None
    alembic_script_location: str | None
    dotted_strings: frozenset[str] = frozenset()  # "app.crud.user.get" literals: patch targets
    # "app.api.deps.get_user": names imported from a module of the package by name, which
    # must stay bound there (the module may only pass them on: `from app.crud import get_user`)
    imported_names: frozenset[str] = frozenset()
    # Every Python file's bytes, read once here and shared by the later stages.
    sources: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    resources: tuple[str, ...] = ()  # non-Python files inside the package (templates, .sql, ...)
    # Single-file layers split into pieces (split.py): virtual piece path -> the real file.
    virtual: Mapping[str, str] = field(default_factory=dict)
    splits: tuple[Split, ...] = ()  # for the plan: where each symbol went
    # Layer packages beside the app package (`core/` with the app, `models/`, `schemas/` beside
    # it): migrated with it, as if they were inside it.
    siblings: tuple[str, ...] = ()
    # Type stubs (`.pyi`): not modules of their own, but their imports follow the move too.
    stubs: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    # Package module -> the root-relative paths it builds from `__file__` (see file_paths.py).
    file_references: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Files in the package that git ignores (`app/core/secrets.py`): never moved, so never
    # tracked by accident where the ignore rule no longer matches.
    ignored: tuple[str, ...] = ()

    @property
    def roots(self) -> tuple[str, ...]:
        return (self.package, *self.siblings)

    def in_package(self, path: str) -> bool:
        """Whether a root-relative path lies in the app package or a sibling layer package."""
        head, slash, _ = path.partition("/")
        return bool(slash) and head in self.roots

    def package_files(self) -> tuple[str, ...]:
        return tuple(p for p in self.python_files if self.in_package(p))

    def single_file_layers(self) -> list[str]:
        """`app/models.py`, `app/crud.py`, ...: layers kept in one file (see split.py), where
        no package of the same name exists beside them."""
        return [
            path
            for path in self.package_files()
            if path.count("/") == 1
            and PurePosixPath(path).stem in naming.SPLIT_LAYERS
            and path not in self.excluded
            and not (self.root / PurePosixPath(path).with_suffix("")).exists()
        ]


def _file_references(
    sources: Mapping[str, bytes], inside: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    """Package module -> the root-relative paths it builds from `__file__`."""
    users = {p: d for p, d in sources.items() if p.startswith(inside) and b"__file__" in d}
    if not users:
        return {}
    # Imported here: the evaluator works on libcst trees, and a run that has no such module
    # (a no-op on a migrated tree) should not pay for importing libcst.
    from forgeapi_migrate.file_paths import file_relative_paths

    return {path: tuple(file_relative_paths(path, data)) for path, data in users.items()}


def module_name(path: str) -> str:
    """`app/api/routes/users.py` -> `app.api.routes.users`; `app/__init__.py` -> `app`."""
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def discover(root: Path, config: Config) -> Discovery:
    if not root.is_dir():
        raise MigrationError("not a directory", path=str(root))
    python_files, text_files, other_files, ignored = _walk(root)
    checked = (p for p in python_files if not _is_excluded(p, config.exclude))
    size_limit.refuse_big_files(root, checked, config.max_file_size)  # before any read
    # (a dangling link is no file to read: refused below when it is in the package)
    sources = {path: (root / path).read_bytes() for path in python_files if (root / path).is_file()}
    excluded = tuple(p for p in python_files if _is_excluded(p, config.exclude))
    package = config.source or _find_app_package(root, sources)
    if not (root / package / "__init__.py").is_file():
        raise MigrationError(f"source package {package!r} has no __init__.py", path=package)
    siblings = _sibling_layers(package, sources, config.target)
    roots = (package, *siblings)
    inside = tuple(f"{r}/" for r in roots)
    _refuse_symlinks(root, [*python_files, *other_files], inside)
    entry = _find_entry({p: d for p, d in sources.items() if p.startswith(package + "/")})
    ini, script_location = _find_alembic(root)
    return Discovery(
        root=root,
        package=package,
        python_files=tuple(python_files),
        text_files=tuple(text_files),
        excluded=excluded,
        entry=entry,
        alembic_ini=ini,
        alembic_script_location=script_location,
        dotted_strings=_dotted_strings(sources, {*roots, config.target})
        | _attribute_patches(sources, {*roots, config.target}),
        imported_names=_imported_names(sources, {*roots, config.target}),
        sources=sources,
        resources=tuple(p for p in other_files if p.startswith(inside)),
        siblings=siblings,
        stubs={p: (root / p).read_bytes() for p in other_files if p.endswith(".pyi")},
        file_references=_file_references(sources, inside),
        ignored=tuple(p for p in ignored if p.startswith(inside) and not _is_cache(p)),
    )


def _refuse_symlinks(root: Path, files: list[str], inside: tuple[str, ...]) -> None:
    """A symbolic link inside the package cannot be moved faithfully by a diff and an
    in-place run alike (a relative target may stop resolving, a copy would duplicate what it
    points to): refused, naming it, before anything is read further."""
    linked = sorted(p for p in files if p.startswith(inside) and (root / p).is_symlink())
    if linked:
        more = f" (and {len(linked) - 1} more)" if len(linked) > 1 else ""
        raise MigrationError(
            f"a symbolic link inside the package{more}: moving it could break it or copy "
            "what it points to; replace it with what it points to, or move it out of the "
            "package, first",
            path=linked[0],
        )


def _walk(root: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """Python, text and other files, and the files git ignores. In a git work tree, what git
    lists (tracked, or untracked and not ignored) is the project, whatever its folders are
    called (`email-templates/build/` is package data); elsewhere a walk that skips the usual
    tool and environment folders."""
    listed = vcs.listed_files(root)
    names, ignored = listed if listed is not None else (_walked(root), [])
    python_files: list[str] = []
    text_files: list[str] = []
    other_files: list[str] = []
    for rel in names:
        name = PurePosixPath(rel).name
        if name.endswith(".py"):
            python_files.append(rel)
        elif _is_text_file(name):
            text_files.append(rel)
        if not name.endswith((".py", ".pyc", ".pyo")):
            other_files.append(rel)
    return python_files, text_files, other_files, ignored


def _is_cache(path: str) -> bool:
    return path.endswith((".pyc", ".pyo")) or "__pycache__" in PurePosixPath(path).parts


def _walked(root: Path) -> list[str]:
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = PurePosixPath(Path(dirpath).relative_to(root).as_posix())
        # `build/` and `dist/` at the root are packaging output; deeper, they are the
        # project's own (`app/email-templates/build/`)
        skipped = SKIP_DIRS if str(rel_dir) == "." else SKIP_DIRS - {"build", "dist"}
        dirnames[:] = [d for d in dirnames if d not in skipped and not d.endswith(".egg-info")]
        linked = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]  # not walked
        found += [
            str(rel_dir / name) if str(rel_dir) != "." else name for name in (*filenames, *linked)
        ]
    return sorted(found)


def _is_text_file(name: str) -> bool:
    """Config files, scripts and Dockerfiles (`Dockerfile.prod` too) that may name the package."""
    return (
        name in TEXT_FILE_NAMES
        or PurePosixPath(name).suffix.lower() in TEXT_SUFFIXES  # `api.Dockerfile` too
        or name.startswith("Dockerfile.")
    )


def _dotted_strings(sources: Mapping[str, bytes], packages: set[str]) -> frozenset[str]:
    """String literals that name a module path in these packages (`mock.patch("app.x.y.f")`).

    A byte-level scan, not a parse: it only has to find candidates; the codemods decide."""
    names = b"|".join(re.escape(p.encode()) for p in sorted(packages))
    pattern = re.compile(rb"""["']((?:%s)(?:\.\w+)+)(?::\w+)?["']""" % names)
    found: set[str] = set()
    for data in sources.values():
        found.update(match.decode("ascii", "replace") for match in pattern.findall(data))
    return frozenset(found)


def _imported_names(sources: Mapping[str, bytes], packages: set[str]) -> frozenset[str]:
    """`module.name` for every absolute `from module import name` of these packages, and
    `module.name.attr` for each `binding.attr` read through such an import (`from src.users
    import dependencies as user_dependencies` + `user_dependencies.get_model`). A byte scan
    (parenthesized lists included); a name that no import binds is pinned harmlessly."""
    roots = b"|".join(re.escape(p.encode()) for p in sorted(packages))
    pattern = re.compile(
        rb"^[ \t]*from[ \t]+((?:%s)(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)" % roots,
        re.MULTILINE,
    )
    found: set[str] = set()
    modules = {module_name(path) for path in sources}
    for data in sources.values():
        bound: dict[str, str] = {}  # local binding of a module -> that module
        for module, names in pattern.findall(data):
            for item in re.sub(rb"#[^\n]*", b"", names).strip(b"()\\ \t\n").split(b","):
                words = item.decode("ascii", "replace").split()
                if words and words[0].isidentifier():
                    found.add(f"{module.decode()}.{words[0]}")
                    target = f"{module.decode()}.{words[0]}"
                    if target in modules:  # only a module's names can be read through it
                        bound[words[2] if len(words) == 3 and words[1] == "as" else words[0]] = (
                            target
                        )
        if bound:  # one scan of the file for every binding's `binding.attr`
            names = b"|".join(re.escape(b.encode()) for b in sorted(bound))
            for binding, attr in re.findall(rb"(?<![\w.])(%s)\.(\w+)" % names, data):
                found.add(f"{bound[binding.decode()]}.{attr.decode()}")
    return frozenset(found)


def _attribute_patches(sources: Mapping[str, bytes], packages: set[str]) -> frozenset[str]:
    """`monkeypatch.setattr(crud_item, "get_user", fake)` with `crud_item` imported from a
    module of these packages: `app.crud.crud_item.get_user`, a name that must stay bound there."""
    found: set[str] = set()
    for data in sources.values():
        if b"setattr(" not in data:
            continue
        try:
            tree = pyast.parse(data)
        except (SyntaxError, ValueError):
            continue
        modules = _imported_modules(tree, packages)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and call_name(node) == "setattr"):
                continue
            if len(node.args) < 2 or not isinstance(node.args[0], ast.Name):
                continue
            attribute = node.args[1]
            module = modules.get(node.args[0].id)
            if module and isinstance(attribute, ast.Constant) and isinstance(attribute.value, str):
                found.add(f"{module}.{attribute.value}")
    return frozenset(found)


def _imported_modules(tree: ast.Module, packages: set[str]) -> dict[str, str]:
    """Local name -> module, for `import a.b as x` and `from a import b [as x]` in packages
    (`from a import b` may bind a name rather than a module: harmless, it pins nothing real)."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name.split(".")[0] in packages:
                    bound[alias.asname] = alias.name
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").split(".")[0] in packages
        ):
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return bound


def _sibling_layers(package: str, sources: Mapping[str, bytes], target: str) -> tuple[str, ...]:
    """Layer packages at the top level beside the app package that the app imports
    (`core/main.py` creating the app, `models/` and `schemas/` beside it)."""
    from forgeapi_migrate.naming import PRIMARY_LAYERS, SECONDARY_LAYERS

    layer_names = {*PRIMARY_LAYERS, *SECONDARY_LAYERS, "core", "db", "database"}
    candidates = {
        path.split("/")[0]
        for path in sources
        if path.count("/") == 1
        and path.endswith("/__init__.py")
        and path.split("/")[0] in layer_names
        and path.split("/")[0] not in (package, target)
    }
    found: list[str] = []
    reached = [package]
    while reached:  # transitively: the app imports `api`, which imports `models`
        root = reached.pop()
        texts = [data for path, data in sources.items() if path.startswith(root + "/")]
        for name in sorted(candidates - {*found}):
            pattern = re.compile(rb"^\s*(?:from|import)\s+%s\b" % name.encode(), re.MULTILINE)
            if any(pattern.search(data) for data in texts):
                found.append(name)
                reached.append(name)
    return tuple(sorted(found))


def _is_excluded(path: str, patterns: tuple[str, ...]) -> bool:
    # fnmatch, where `*` also crosses `/` (`app/*.py` excludes `app/x/y.py`), not gitignore
    # patterns (pathspec): switching would change what every existing `exclude` means, so it
    # waits for a documented, versioned change of the setting (issue 20, point 5).
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)


def _find_app_package(root: Path, sources: Mapping[str, bytes]) -> str:
    candidates: dict[str, list[str]] = {}
    for path, data in sources.items():
        parts = path.split("/")
        if len(parts) < 2 or parts[0] in NOT_APP_DIRS or not parts[0].isidentifier():
            continue
        if f"{parts[0]}/__init__.py" in sources and _creates_fastapi(data):
            candidates.setdefault(parts[0], []).append(path)
    if not candidates:
        loose = sorted(p for p, data in sources.items() if "/" not in p and _creates_fastapi(data))
        if loose:  # `main.py` beside `models.py`, `routers/`: the modules are the project
            raise MigrationError(
                f"the application is built by {loose[0]} at the project root, outside any "
                "package: a project without an application package is not supported yet; "
                "move its modules into a package (e.g. app/) first",
                path=loose[0],
            )
        nested = sorted(
            p
            for p, data in sources.items()
            if p.count("/") >= 2
            and f"{p.split('/')[0]}/__init__.py" not in sources
            and f"{'/'.join(p.split('/')[:2])}/__init__.py" in sources
            and _creates_fastapi(data)
        )
        if nested:  # `src/app/main.py`, imported as `app` with `src/` on the path
            folder = "/".join(nested[0].split("/")[:2])
            raise MigrationError(
                f"the application package {folder}/ is inside {folder.split('/')[0]}/, which "
                "is no package (a src layout, imported with that folder on sys.path): not "
                "supported yet",
                path=nested[0],
            )
        raise MigrationError(
            "not a FastAPI project: no package here creates a FastAPI() application "
            "(set `source` in [tool.forgeapi-migrate] if it is built some other way)",
            path=str(root),
        )
    if len(candidates) > 1:
        names = ", ".join(sorted(candidates))
        raise MigrationError(
            f"several packages create FastAPI applications ({names}); "
            "choose one with `source` in [tool.forgeapi-migrate]",
            path=str(root),
        )
    return next(iter(candidates))


def _creates_fastapi(data: bytes) -> bool:
    return b"FastAPI(" in data and any(
        isinstance(node, ast.Call) and call_name(node) == "FastAPI" for node in _walk_ast(data)
    )


def _walk_ast(data: bytes) -> list[ast.AST]:
    try:
        return list(ast.walk(pyast.parse(data)))
    except (SyntaxError, ValueError):
        return []  # the transform stage reports unparseable files with their line


def call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _find_entry(package_sources: Mapping[str, bytes]) -> EntryPoint | None:
    """The module that builds the app, and the module-level name it is bound to."""
    found: list[tuple[int, str, str]] = []
    for path, data in sorted(package_sources.items()):
        if not _creates_fastapi(data):
            continue
        tree = pyast.parse(data)
        local_functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        for node in tree.body:
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
                continue
            callee = call_name(node.value)
            target = node.targets[0]
            if isinstance(target, ast.Name) and (callee == "FastAPI" or callee in local_functions):
                rank = 0 if PurePosixPath(path).stem == "main" else 1
                found.append((rank, module_name(path), target.id))
                break
    if not found:
        return None
    _, module, attribute = min(found)
    return EntryPoint(module, attribute)


def _find_alembic(root: Path) -> tuple[str | None, str | None]:
    ini = root / "alembic.ini"
    if not ini.is_file():
        return None, None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(ini, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return "alembic.ini", None
    return "alembic.ini", parser.get("alembic", "script_location", fallback=None)
