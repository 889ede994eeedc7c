"""Stage 7: what the user reads. The one module that uses rich.

Human output goes to stderr (the diff owns stdout); `--json` output to stdout.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from forgeapi_migrate.batch import OK_STATUSES, BatchReport, RepoResult
from forgeapi_migrate.codemods import CODEMODS
from forgeapi_migrate.errors import Finding, MigrationError
from forgeapi_migrate.pipeline import Report
from forgeapi_migrate.plan import MigrationPlan
from forgeapi_migrate.transform import Progress as ProgressCallback

if TYPE_CHECKING:
    from rich.table import Table

# rich's progress bar, live display and tables are imported where they are drawn: a run in CI
# (no terminal, nothing to tabulate) does not pay for importing them.


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout_console() -> Console:
    # Piped output is read by people with wide screens and by grep: never wrap at 80.
    console = Console(highlight=False, soft_wrap=True)
    return console if console.is_terminal else Console(highlight=False, soft_wrap=True, width=200)


@contextmanager
def progress_bar(console: Console) -> Iterator[Any]:
    """A factory for the transform stage's per-file callback; a bar only on a terminal."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("[bold]migrating"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:

        def factory(total: int) -> ProgressCallback:
            task = bar.add_task("files", total=total)
            return lambda _path: bar.advance(task)

        yield factory


def print_summary(report: Report, console: Console) -> None:
    changes = report.changeset
    if changes.is_empty:
        console.print(f"Nothing to do: {report.root} is already domain-first.")
        _print_findings(changes.findings, console)
        return
    verb = {"write": "Migrated", "dry-run": "Would migrate", "check": "Migration pending"}
    warnings = _plural(sum(f.severity != "info" for f in changes.findings), "warning")
    console.print(
        f"{verb[report.mode]}: {changes.moved} files moved, {changes.edited} edited, "
        f"{changes.rewrites} import references rewritten, {warnings} ({report.seconds:.2f}s)."
    )
    if report.plan.entry and report.plan.new_entry != report.plan.entry:
        console.print(f"Application entry point: {report.plan.entry} -> {report.plan.new_entry}")
    _print_findings(changes.findings, console)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _print_findings(findings: tuple[Finding, ...], console: Console) -> None:
    for finding in findings:
        label = (
            "[red]unresolved[/]"
            if finding.unresolved
            else "[blue]note[/]"
            if finding.severity == "info"
            else "[yellow]warning[/]"
        )
        console.print(f"  {label} {escape(str(finding))}", markup=True)
    unresolved = sum(1 for f in findings if f.unresolved)
    if unresolved:
        console.print(
            f"{_plural(unresolved, 'reference')} could not follow the move: "
            "the code may break there; fix them by hand (listed as unresolved)."
        )


def print_error(error: MigrationError, console: Console) -> None:
    console.print(f"[bold red]error:[/] {escape(str(error))}", markup=True)
    console.print("Nothing was written.")


def print_plan(
    plan: MigrationPlan,
    console: Console,
    pieces: Mapping[str, str] | None = None,
    virtual: Collection[str] = (),
) -> None:
    """The plan as a table. `pieces` labels the pieces of a split single-file layer
    (`app/crud.py (users)`); `virtual` are the paths that stand for no file (a piece, the
    split's re-exporting `__init__`): shown by label or not at all."""
    pieces = pieces or {}

    if plan.is_empty:
        console.print(f"Nothing to do: package {plan.source_package!r} is already domain-first.")
        return
    from rich.table import Table

    table = Table(title=f"{plan.source_package} -> {plan.target_package}", show_lines=False)
    for column in ("from", "to", "kind", "why"):
        table.add_column(column)
    for move in plan.moves:
        old = pieces.get(move.old, move.old)
        table.add_row(escape(old), escape(move.new), move.kind, escape(move.reason))
    for path in plan.deletions:
        if path not in virtual:
            table.add_row(escape(path), "(removed: empty layer package)", "package", "")
    for path in plan.creations:
        table.add_row("", escape(path), "new", "domain package")
    console.print(table)
    _print_findings(plan.notes, console)


def print_codemods(console: Console) -> None:
    for codemod in CODEMODS:
        console.print(f"{codemod.ID}  {codemod.DESCRIPTION}")


def report_json(report: Report) -> str:
    changes = report.changeset
    data = {
        "root": str(report.root),
        "mode": report.mode,
        "written": report.written,
        "pending": report.pending,
        "seconds": round(report.seconds, 3),
        "entry": {"old": report.plan.entry, "new": report.plan.new_entry},
        "files_moved": changes.moved,
        "files_edited": changes.edited,
        "references_rewritten": changes.rewrites,
        "changes": [
            {"old": c.old_path, "new": c.new_path, "edited": c.old_bytes != c.new_bytes}
            for c in changes.changes
        ],
        "warnings": [vars(f) for f in changes.findings],
    }
    return json.dumps(data, indent=2)


def plan_json(plan: MigrationPlan) -> str:
    data = {
        "source_package": plan.source_package,
        "target_package": plan.target_package,
        "entry": {"old": plan.entry, "new": plan.new_entry},
        "moves": [vars(m) for m in plan.moves],
        "deletions": list(plan.deletions),
        "creations": list(plan.creations),
        "notes": [vars(n) for n in plan.notes],
    }
    return json.dumps(data, indent=2)


def error_json(error: MigrationError) -> str:
    return json.dumps({"error": error.message, "path": error.path, "line": error.line})


def write_stdout_bytes(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def batch_table(results: Sequence[RepoResult]) -> Table:
    from rich.table import Table

    table = Table(title="forgeapi-migrate batch")
    for column in ("repository", "status", "branch", "commit", "moved", "warnings", "seconds"):
        table.add_column(column)
    for r in results:
        colour = "green" if r.status in OK_STATUSES else "red"
        table.add_row(
            r.path, f"[{colour}]{r.status}[/]", r.branch or "", (r.commit or "")[:10],
            str(r.files_moved), str(len(r.warnings)), f"{r.duration_seconds:.1f}",
        )  # fmt: skip
    return table


@contextmanager
def live_batch_table(console: Console) -> Iterator[Callable[[RepoResult], None]]:
    """A table on stderr that grows as repositories finish; printed once when not a terminal."""
    from rich.live import Live

    results: list[RepoResult] = []
    with Live(batch_table(results), console=console, auto_refresh=False) as live:

        def add(result: RepoResult) -> None:
            results.append(result)
            live.update(batch_table(results), refresh=True)

        yield add
    for result in results:
        if result.error:
            console.print(escape(f"  {result.path}: {result.error}"))


def batch_json(report: BatchReport) -> str:
    return json.dumps([vars(r) for r in report.results], indent=2)
