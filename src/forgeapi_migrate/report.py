"""Stage 7: what the user reads. The one module that uses rich.

Human output goes to stderr (the diff owns stdout); `--json` output to stdout.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rich.console import Console
from rich.markup import escape

from forgeapi_migrate import __version__
from forgeapi_migrate.batch import OK_STATUSES, BatchReport, RepoResult
from forgeapi_migrate.batch_report import Summary, first_line
from forgeapi_migrate.codemods import CODEMODS
from forgeapi_migrate.errors import Finding, MigrationError
from forgeapi_migrate.pipeline import Report
from forgeapi_migrate.plan import MigrationPlan
from forgeapi_migrate.transform import Progress as ProgressCallback

if TYPE_CHECKING:
    from rich.table import Table

# rich's progress bar, live display and tables are imported where they are drawn: a run in CI
# (no terminal, nothing to tabulate) does not pay for importing them.

# Of every JSON document this module writes (`--json`, `batch --report`), described by the JSON
# Schemas in `schemas/`. Raise it when a field changes meaning or goes away, not when one is added.
SCHEMA_VERSION = 1


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True, color_system=_color_system())


def stdout_console() -> Console:
    # Piped output is read by people with wide screens and by grep: never wrap at 80.
    console = Console(highlight=False, soft_wrap=True, color_system=_color_system())
    return console if console.is_terminal else Console(highlight=False, soft_wrap=True, width=200)


def _color_system() -> Literal["auto"] | None:
    """NO_COLOR (no-color.org) set and not empty: no escape codes at all. rich alone drops the
    colours but keeps bold and italic (a table's header and title)."""
    return None if os.environ.get("NO_COLOR") else "auto"


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
        console.print(f"{codemod.ID}  {codemod.name:<27}  {codemod.DESCRIPTION}")


def report_json(report: Report) -> str:
    changes = report.changeset
    data = {
        "schema_version": SCHEMA_VERSION,
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
        "schema_version": SCHEMA_VERSION,
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
    data = {
        "schema_version": SCHEMA_VERSION,
        "error": error.message,
        "path": error.path,
        "line": error.line,
    }
    return json.dumps(data)


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOMEPAGE = "https://github.com/forgeapi/forgeapi-migrate"


def sarif_json(report: Report) -> str:
    """The references that could not follow the move, as SARIF 2.1.0: code-scanning UIs show
    them on their lines. Paths are relative to the working directory (a CI job's checkout)
    where the project lies inside it."""
    unresolved = [f for f in report.changeset.findings if f.unresolved]
    described = {c.ID: c.DESCRIPTION for c in CODEMODS}
    rules = [
        {
            "id": code,
            "shortDescription": {"text": described.get(code, "A reference left for a person.")},
            "defaultConfiguration": {"level": "error"},
        }
        for code in sorted({f.code for f in unresolved})
    ]
    driver = {"name": "forgeapi-migrate", "version": __version__, "informationUri": HOMEPAGE}
    run = {
        "tool": {"driver": {**driver, "rules": rules}},
        "results": [_sarif_result(f, report.root) for f in unresolved],
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2)


def _sarif_result(finding: Finding, root: Path) -> dict[str, Any]:
    where = (root / finding.path).resolve()
    try:
        artifact = {"uri": where.relative_to(Path.cwd().resolve()).as_posix()}
    except ValueError:
        artifact = {"uri": where.as_uri()}
    location: dict[str, Any] = {"artifactLocation": artifact}
    if finding.line >= 1:  # 0: the file as a whole
        location["region"] = {"startLine": finding.line}
    return {
        "ruleId": finding.code,
        "level": "error",
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }


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
    results: list[RepoResult] = []
    if console.is_terminal:
        from rich.live import Live

        with Live(batch_table(results), console=console, auto_refresh=False) as live:

            def add(result: RepoResult) -> None:
                results.append(result)
                live.update(batch_table(results), refresh=True)

            yield add
    else:
        try:
            yield results.append
        finally:
            _print_whole(console, batch_table(results))
    for result in results:
        if result.error:
            console.print(escape(f"  {result.path}: {result.error}"))


def _print_whole(console: Console, table: Table) -> None:
    """Piped output (a CI log, grep) gets every cell whole, full paths included, however wide:
    a console that is no terminal would cut the table to 80 columns."""
    from rich.measure import Measurement

    unlimited = console.options.update(max_width=1_000_000)
    console.width = max(console.width, Measurement.get(console, unlimited, table).maximum)
    console.print(table)


def batch_json(report: BatchReport) -> str:
    results = [vars(r) for r in report.results]
    return json.dumps({"schema_version": SCHEMA_VERSION, "results": results}, indent=2)


def print_batch_summary(summary: Summary, console: Console) -> None:
    """A merged fleet report: counts per status, the slowest repositories, the failures."""
    from rich.table import Table

    total = sum(count for _, count in summary.counts)
    counts = Table(title=f"{total} {'repository' if total == 1 else 'repositories'}")
    counts.add_column("status")
    counts.add_column("repositories", justify="right")
    for status, count in summary.counts:
        colour = "green" if status in OK_STATUSES else "red"
        counts.add_row(f"[{colour}]{status}[/]", str(count))
    console.print(counts)
    slowest = Table(title="slowest")
    for column in ("repository", "status", "seconds"):
        slowest.add_column(column)
    for r in summary.slowest:
        slowest.add_row(escape(r.path), r.status, f"{r.duration_seconds:.1f}")
    console.print(slowest)
    for r in summary.failures:
        console.print(escape(f"  {r.status} {r.path}: {first_line(r.error)}"))
