"""The pipeline, start to end: discover -> plan -> transform -> verify -> emit.

Each stage is a function of the previous stage's frozen output; this module only
wires them together and decides what a mode (write, dry-run, check) does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from forgeapi_migrate import journal
from forgeapi_migrate.alembic_config import alembic_ini_change
from forgeapi_migrate.alembic_scaffold import scaffold
from forgeapi_migrate.changeset import ChangeSet
from forgeapi_migrate.codemods import CODEMODS, Codemod
from forgeapi_migrate.config import load_config
from forgeapi_migrate.discover import Discovery, discover
from forgeapi_migrate.emit import check_destinations, render_diff, write_changeset
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.journal import discard_torn_journal, refuse_unfinished_run, tree_lock
from forgeapi_migrate.plan import MigrationPlan, build_plan
from forgeapi_migrate.plan_io import load_plan
from forgeapi_migrate.references import rewrite_text_files
from forgeapi_migrate.transform import Progress, build_changeset
from forgeapi_migrate.vcs import dirty_files
from forgeapi_migrate.verify import verify_changeset

Mode = Literal["write", "dry-run", "check"]
ProgressFactory = Callable[[int], Progress]


@dataclass(frozen=True)
class RunOptions:
    root: Path
    mode: Mode = "write"
    allow_dirty: bool = False
    plan_file: Path | None = None
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    init_alembic: bool = False
    jobs: int | None = None  # worker processes for the rewrite (None: the cores)


@dataclass(frozen=True)
class Report:
    root: Path
    mode: Mode
    plan: MigrationPlan
    changeset: ChangeSet
    written: bool
    seconds: float
    diff: bytes = field(default=b"", repr=False)

    @property
    def pending(self) -> bool:
        """Changes not written yet, or references that could not follow the move: written or
        not, those need a person (an in-place run that leaves some exits 1)."""
        unresolved = any(f.unresolved for f in self.changeset.findings)
        return unresolved or (not self.written and not self.changeset.is_empty)


def select_codemods(only: Sequence[str], skip: Sequence[str]) -> tuple[Codemod, ...]:
    """`--only`/`--skip` values, each an id or a name, repeated or comma-separated
    (`--only FM001,rewrite-dotted-paths`)."""
    only_ids, skip_ids = _codemod_ids(only), _codemod_ids(skip)
    return tuple(c for c in CODEMODS if (not only or c.ID in only_ids) and c.ID not in skip_ids)


def _codemod_ids(values: Sequence[str]) -> set[str]:
    by_key = {key: c.ID for c in CODEMODS for key in (c.ID, c.name)}
    ids = set()
    for value in values:
        for token in filter(None, (part.strip() for part in value.split(","))):
            if token not in by_key:
                raise MigrationError(
                    f"unknown codemod id {token!r} (ids and names: see `list-codemods`)"
                )
            ids.add(by_key[token])
    return ids


def make_plan(root: Path, plan_file: Path | None = None) -> tuple[Discovery, MigrationPlan]:
    refuse_unfinished_run(root)  # a killed run's half-written tree is no project to plan
    config = load_config(root)
    discovery = discover(root, config)
    if discovery.single_file_layers():
        # Imported here: splitting parses with libcst, which a no-op run never imports.
        from forgeapi_migrate.split import split_layers

        discovery = split_layers(discovery, config.symbols)
    if plan_file is not None:
        plan = load_plan(plan_file, discovery, config)
    else:
        plan = build_plan(discovery, config)
    if not discovery.splits:
        return discovery, plan
    from forgeapi_migrate.split import split_notes

    notes = split_notes(discovery, plan.new_paths)  # where each symbol of a split file goes
    kept = [n for n in plan.notes if n.path not in discovery.virtual]  # pieces are not files
    return discovery, replace(plan, notes=tuple(sorted([*kept, *notes])))


def run(options: RunOptions, progress: ProgressFactory | None = None) -> Report:
    """One run, alone on its tree from the first read to the last write."""
    with tree_lock(options.root):
        discard_torn_journal(options.root)
        return _run(options, progress)


def recover(root: Path) -> int | None:
    """`--recover`: put the tree back from an interrupted run's journal (None: there is none)."""
    with tree_lock(root):
        return journal.recover(root)


def _run(options: RunOptions, progress: ProgressFactory | None) -> Report:
    started = time.perf_counter()
    root = options.root
    codemods = select_codemods(options.only, options.skip)
    discovery, plan = make_plan(root, options.plan_file)
    on_file = progress(len(discovery.python_files)) if progress else None
    changeset = build_changeset(discovery, plan, codemods, on_file, options.jobs)
    text_changes, text_findings = rewrite_text_files(discovery, plan)
    edited_ini = next((c for c in text_changes if c.old_path == discovery.alembic_ini), None)
    ini_change = alembic_ini_change(root, discovery.alembic_ini, edited_ini)
    text_changes = [c for c in text_changes if c is not edited_ini]
    text_changes += [ini_change] if ini_change is not None else []
    if options.init_alembic:
        created = scaffold(discovery, plan)
        text_changes += created
        if created:  # the note that suggested --init-alembic has been acted on
            plan = replace(plan, notes=tuple(n for n in plan.notes if n.code != "FMA02"))
            changeset = replace(
                changeset, findings=tuple(f for f in changeset.findings if f.code != "FMA02")
            )
    # A text file of the package that moves and is edited (`app/alembic.ini`): one change,
    # the edited move, not a move and an edit of the same file.
    edited = {c.old_path for c in text_changes}
    moves = [c for c in changeset.changes if c.old_path is None or c.old_path not in edited]
    changeset = replace(
        changeset,
        changes=tuple(sorted([*moves, *text_changes], key=lambda c: c.sort_key)),
        findings=(*changeset.findings, *text_findings),
    )
    verify_changeset(changeset)
    check_destinations(root, changeset.changes)  # a dry run shows no write it would refuse
    diff = render_diff(changeset.changes) if options.mode == "dry-run" else b""
    written = False
    if options.mode == "write" and not changeset.is_empty:
        if not options.allow_dirty:  # asked only when there is something to write
            _refuse_dirty_tree(root)
        write_changeset(root, changeset.changes)
        written = True
    return Report(root, options.mode, plan, changeset, written, time.perf_counter() - started, diff)


def write_computed(report: Report) -> Report:
    """Write the change set of a check run, as a write run with `allow_dirty` would have.

    For `batch`, which checks a repository before it branches: the tree must still be the one
    the report was computed on (a branch just created from that HEAD), so the change set is
    computed once per repository, not once to decide and again to write."""
    if report.changeset.is_empty:
        return replace(report, mode="write")
    started = time.perf_counter()
    with tree_lock(report.root):  # the batch's own check run has let go of it
        refuse_unfinished_run(report.root)
        write_changeset(report.root, report.changeset.changes)
    seconds = report.seconds + time.perf_counter() - started
    return replace(report, mode="write", written=True, seconds=seconds, diff=b"")


def _refuse_dirty_tree(root: Path) -> None:
    dirty = dirty_files(root)
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise MigrationError(
            f"the git work tree has uncommitted changes ({shown}); commit or stash them, "
            "or pass --allow-dirty",
            path=str(root),
        )
