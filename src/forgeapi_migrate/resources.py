"""Where the package's non-Python files go: its Alembic folder and its resources.

- An Alembic folder inside the package (`script_location = app/alembic`) moves, whole, to
  `alembic/` at the project root (the convention), revisions untouched.
- A file named after a module beside it (`crud_user.pyi`, `user.sql`) follows that module
  (`src/users/service.pyi`), so `Path(__file__).with_suffix(".sql")` still finds it.
- A file that modules of the package find through `__file__` keeps its place relative to
  them when they all agree on one place inside the target (`services/sql/stats.sql`, read by
  `services/note_service.py` -> `src/notes/sql/stats.sql`).
- Anything else keeps its place relative to the package (`app/static/x.css` ->
  `src/static/x.css`); FM006 then points the `__file__` paths of moved modules at it.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Mapping
from pathlib import PurePosixPath

from forgeapi_migrate.discover import Discovery
from forgeapi_migrate.errors import Finding, MigrationError
from forgeapi_migrate.root_paths import ROOT, normalize, relative

ALEMBIC_HOME = "alembic"
Placed = tuple[str, str, str]  # old path, new path, why


def alembic_folder(discovery: Discovery) -> str | None:
    """The Alembic script folder when it sits inside the package (`app/alembic`)."""
    location = discovery.alembic_script_location
    if location is None:
        return None
    location = location.replace("%(here)s", ".").strip()
    folder = relative(normalize(ROOT / location))
    return folder if discovery.in_package(folder) else None


def alembic_moves(discovery: Discovery, folder: str) -> list[Placed]:
    """Every file of the Alembic folder (Python or not) to `alembic/` at the root."""
    if (discovery.root / ALEMBIC_HOME).exists():
        raise MigrationError(
            f"the Alembic folder {folder}/ would move to {ALEMBIC_HOME}/, which already exists; "
            "move one of them away first",
            path=ALEMBIC_HOME,
        )
    files = [
        p for p in (*discovery.python_files, *discovery.resources) if p.startswith(folder + "/")
    ]
    reason = "Alembic folder: to the project root"
    return [(path, f"{ALEMBIC_HOME}/{path[len(folder) + 1 :]}", reason) for path in sorted(files)]


def place_resources(
    discovery: Discovery, target: str, new_paths: Mapping[str, str], skip: str | None
) -> tuple[list[Placed], list[Finding]]:
    """A move for every non-Python file of the package (outside the Alembic folder `skip`)."""
    package = discovery.package
    code = {str(p) for f in discovery.python_files for p in PurePosixPath(f).parents}
    readers = _readers(discovery.file_references, new_paths, code)
    placed: list[Placed] = []
    notes: list[Finding] = []
    for path in discovery.resources:
        if skip is not None and path.startswith(skip + "/"):
            continue
        new, reason = (
            _beside_its_module(path, new_paths)
            or _near_its_readers(path, readers, target)
            or (target + path[len(package) :], "kept in place within the package")
        )
        placed.append((path, new, reason))
        if new != target + path[len(package) :]:
            notes.append(Finding(path, 1, "FMP05", f"resource follows its module: {new}"))
    return placed, notes


def _beside_its_module(path: str, new_paths: Mapping[str, str]) -> tuple[str, str] | None:
    name = PurePosixPath(path).name
    for old, new in new_paths.items():
        module = PurePosixPath(old)
        if (
            module.suffix == ".py"
            and module.stem != "__init__"
            and str(module.parent) == str(PurePosixPath(path).parent)
            and name.startswith(module.stem + ".")
        ):
            moved = PurePosixPath(new)
            return str(moved.with_name(moved.stem + name[len(module.stem) :])), f"named after {old}"
    return None


def _readers(
    references: Mapping[str, tuple[str, ...]],
    new_paths: Mapping[str, str],
    code: set[str],
) -> dict[str, list[tuple[str, str]]]:
    """Referenced path -> [(module, its new path)] for moving modules of the package; folders
    that hold Python code (the package itself, a layer) are not resources and do not count."""
    readers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for module, paths in references.items():
        if module in new_paths:
            for path in (p for p in paths if p not in code):
                readers[path].append((module, new_paths[module]))
    return readers


def _near_its_readers(
    path: str, readers: Mapping[str, list[tuple[str, str]]], target: str
) -> tuple[str, str] | None:
    """The place that keeps the resource where its readers look, if they agree on one."""
    found: set[str] = set()
    for referenced in [path, *(str(p) for p in PurePosixPath(path).parents)]:
        for module, new_module in readers.get(referenced, []):
            rel = posixpath.relpath(path, str(PurePosixPath(module).parent))
            found.add(relative(normalize(ROOT / PurePosixPath(new_module).parent / rel)))
    if len(found) != 1:
        return None
    new = found.pop()
    if not new.startswith(target + "/"):
        return None
    return new, "found through __file__ by the modules it moves with"
