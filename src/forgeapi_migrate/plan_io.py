"""A plan as TOML: saved for review (`plan PATH --plan-file F`), loaded back after edits.

Only the moves and deletions are stored; the `__init__.py` files to create follow
from the moves, so an edited destination needs no other bookkeeping.
"""

from __future__ import annotations

import tomllib
from pathlib import Path, PurePosixPath
from typing import Any

import tomli_w

from forgeapi_migrate.config import Config
from forgeapi_migrate.discover import Discovery
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.plan import (
    MigrationPlan,
    ModuleMove,
    infer_domains,
    missing_inits,
    naming_convention_wanted,
    with_repo_facts,
)

FORMAT_VERSION = 1
HEADER = (
    "# forgeapi-migrate plan. Edit a `new` path to send a module elsewhere, then run\n"
    "#   forgeapi-migrate PATH --plan-file THIS_FILE\n"
)


def dump_plan(plan: MigrationPlan) -> str:
    data: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "source_package": plan.source_package,
        "target_package": plan.target_package,
        "delete": list(plan.deletions),
        "move": [
            {k: v for k, v in vars(m).items() if v is not None and v != ""} for m in plan.moves
        ],
    }
    if plan.entry:
        data["entry"] = plan.entry
    return HEADER + tomli_w.dumps(data)


def load_plan(plan_file: Path, discovery: Discovery, config: Config) -> MigrationPlan:
    """Read an edited plan and check that it still matches the tree."""
    name = str(plan_file)
    try:
        text = plan_file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise MigrationError(f"cannot read plan file: {exc.strerror}", path=name) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MigrationError(f"not a valid plan file: {exc}", path=name) from exc
    if data.get("version") != FORMAT_VERSION:
        raise MigrationError(f"unsupported plan version {data.get('version')!r}", path=name, line=1)
    source, target = data.get("source_package"), data.get("target_package")
    if source != discovery.package or not isinstance(target, str):
        line = _line_of(text, "source_package")
        raise MigrationError(
            f"plan is for package {source!r}, but this tree's package is {discovery.package!r}",
            path=name,
            line=line,
        )
    moves = tuple(_read_move(entry, text, name) for entry in data.get("move", []))
    deletions = tuple(str(p) for p in data.get("delete", []))
    _check_against_tree(moves, deletions, discovery, text, name)
    plan = MigrationPlan(
        source_package=source,
        target_package=target,
        moves=moves,
        deletions=deletions,
        creations=missing_inits(target, moves, deletions),
        entry=data.get("entry"),
        domains=infer_domains(target, [m.new for m in moves]),
        alias_style=config.alias_style,
        naming_convention=naming_convention_wanted(discovery, config),
    )
    return with_repo_facts(plan, discovery)


def _read_move(entry: Any, text: str, name: str) -> ModuleMove:
    if not isinstance(entry, dict) or not {"old", "new", "kind"} <= set(entry):
        raise MigrationError("each [[move]] needs old, new and kind", path=name)
    old, new = str(entry["old"]), str(entry["new"])
    same_kind = new.endswith(".py") == old.endswith(".py")
    parts = PurePosixPath(new).parts
    if not same_kind or {"..", ".git"} & set(parts) or PurePosixPath(new).is_absolute():
        raise MigrationError(
            f"destination {new!r} is not a path inside the project of the same kind as {old!r}",
            path=name,
            line=_line_of(text, f'"{new}"'),
        )
    return ModuleMove(old, new, entry["kind"], entry.get("domain"), entry.get("reason", ""))


def _check_against_tree(
    moves: tuple[ModuleMove, ...],
    deletions: tuple[str, ...],
    discovery: Discovery,
    text: str,
    name: str,
) -> None:
    present = (set(discovery.package_files()) | set(discovery.resources)) - set(discovery.excluded)
    listed = [m.old for m in moves] + list(deletions)
    for path in listed:
        if path not in present:
            raise MigrationError(
                f"{path} is in the plan but not in the tree (was the plan made for another "
                "version of this repository?)",
                path=name,
                line=_line_of(text, f'"{path}"'),
            )
    for path in sorted(present - set(listed)):
        raise MigrationError(
            f"{path} is in the tree but not in the plan; run `forgeapi-migrate plan` again",
            path=name,
        )
    seen: dict[str, str] = {}
    for move in moves:
        if move.new in seen:
            raise MigrationError(
                f"{seen[move.new]} and {move.old} both go to {move.new}",
                path=name,
                line=_line_of(text, f'"{move.old}"'),
            )
        seen[move.new] = move.old


def _line_of(text: str, needle: str) -> int | None:
    """tomllib keeps no positions (nor does tomlkit's document model, which keeps formatting,
    not line numbers); find the line of a value for the error message."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None
