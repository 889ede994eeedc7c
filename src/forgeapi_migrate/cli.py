"""Command line: parse arguments, call the pipeline, map the outcome to an exit code.

    forgeapi-migrate PATH [--dry-run | --check] [--allow-dirty] [--plan-file F] [--init-alembic]
                          [--only ID[,ID]] [--skip ID[,ID]] [--json] [--sarif FILE]
    forgeapi-migrate plan PATH [--plan-file F] [--json]
    forgeapi-migrate list-codemods

Exit codes: 0 done or nothing to do, 1 changes pending (--check/--dry-run) or written but
needing a person (references that could not follow the move), 2 error (nothing written; a
user error, or the environment's: a path that cannot be read or written, a full disk, another
run holding the tree, a journal waiting for `--recover`), 3 internal error (a bug: nothing
written; the traceback with --debug), 130 interrupted by Ctrl-C, 143 by SIGTERM (nothing
half-written either way).
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand

from forgeapi_migrate import __version__, batch_report, report
from forgeapi_migrate.batch import (
    DEFAULT_BRANCH,
    DEFAULT_TEST_TIMEOUT,
    BatchOptions,
    read_targets,
    run_batch,
)
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.interrupts import Terminated, terminate_as_interrupt
from forgeapi_migrate.journal import RestoreIncomplete
from forgeapi_migrate.pipeline import Mode, RunOptions, make_plan, recover, run
from forgeapi_migrate.plan_io import dump_plan
from forgeapi_migrate.shard import parse_shard
from forgeapi_migrate.shard import select as select_shard

EXIT_OK, EXIT_PENDING, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
COMMANDS = ("migrate", "plan", "list-codemods", "batch", "batch-report")

# Shown under every --help; "\b" keeps click from rewrapping the table.
EXIT_CODES_HELP = (
    "\b\nExit codes:\n"
    "  0        done, or nothing to do\n"
    "  1        changes pending (--check, --dry-run), or references left for a person\n"
    "  2        error: nothing written\n"
    "  3        internal error (a bug): nothing written\n"
    "  130/143  interrupted: nothing half-written"
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    subcommand_metavar="PATH | COMMAND [ARGS]...",
    help="Migrate a layer-organized FastAPI repository to the domain-first layout.\n\n"
    "Given a PATH, runs the default command, migrate (see `forgeapi-migrate migrate -h`).",
    epilog=EXIT_CODES_HELP,
)


class _Command(TyperCommand):
    """Usage lines as users type them: `PATH`, not typer's `{path}` for a required argument."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece.strip("{}") for piece in super().collect_usage_pieces(ctx)]


PathArg = Annotated[Path, typer.Argument(metavar="PATH", help="Root of the project to migrate.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]


def _show_version(value: bool) -> None:
    if value:
        print(f"forgeapi-migrate {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_show_version, is_eager=True, help="Show version."
        ),
    ] = False,
) -> None:
    """Migrate a layer-organized FastAPI repository to the domain-first layout."""


@app.command("migrate", cls=_Command, epilog=EXIT_CODES_HELP)
def migrate_command(
    path: PathArg,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print a git diff; write nothing.")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if a migration is pending.")
    ] = False,
    allow_dirty: Annotated[
        bool, typer.Option("--allow-dirty", help="Write even with uncommitted git changes.")
    ] = False,
    plan_file: Annotated[
        Path | None, typer.Option("--plan-file", help="Follow this (edited) plan.")
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            metavar="ID",
            help="Run only these codemods: ids or names (list-codemods), repeated or FM001,FM003.",
        ),
    ] = None,
    skip: Annotated[
        list[str] | None,
        typer.Option("--skip", metavar="ID", help="Skip these codemods (ids or names, as --only)."),
    ] = None,
    init_alembic: Annotated[
        bool,
        typer.Option("--init-alembic", help="Add alembic.ini and alembic/ if there are none."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", min=1, help="Worker processes for the rewrite (default: the cores)."
        ),
    ] = None,
    as_json: JsonOpt = False,
    sarif: Annotated[
        Path | None,
        typer.Option(
            "--sarif",
            metavar="FILE",
            help="Also write the unresolved references as SARIF 2.1.0 (for code scanning).",
        ),
    ] = None,
    recover: Annotated[
        bool,
        typer.Option("--recover", help="Restore the tree from an interrupted run's journal."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    """Migrate PATH in place (or show the diff with --dry-run)."""
    if recover:
        _recover(path, as_json, debug)
    if dry_run and check:
        raise typer.BadParameter("--dry-run and --check cannot be combined")
    mode: Mode = "dry-run" if dry_run else "check" if check else "write"
    options = RunOptions(
        path,
        mode,
        allow_dirty,
        plan_file,
        tuple(only or ()),
        tuple(skip or ()),
        init_alembic,
        jobs,
    )
    err = report.stderr_console()
    with _user_errors(as_json, debug), report.progress_bar(err) as progress:
        outcome = run(options, progress)
    if sarif is not None:
        with _user_errors(as_json, debug):
            sarif.write_text(report.sarif_json(outcome), encoding="utf-8")
    if as_json:
        print(report.report_json(outcome))
    else:
        if outcome.diff:
            report.write_stdout_bytes(outcome.diff)
        report.print_summary(outcome, err)
    raise typer.Exit(EXIT_PENDING if outcome.pending else EXIT_OK)


@app.command("plan", cls=_Command)
def plan_command(
    path: PathArg,
    plan_file: Annotated[
        Path | None, typer.Option("--plan-file", help="Save the plan as TOML here.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show where every module of PATH would go."""
    with _user_errors(as_json):
        discovery, plan = make_plan(path)
    if plan_file is not None:
        with _user_errors(as_json):
            plan_file.write_text(dump_plan(plan), encoding="utf-8")
        report.stderr_console().print(f"Plan saved to {plan_file}")
    if as_json:
        print(report.plan_json(plan))
    else:
        pieces = {
            path: label for split in discovery.splits for path, label in split.labels().items()
        }
        report.print_plan(plan, report.stdout_console(), pieces, discovery.virtual)


@app.command("batch", cls=_Command)
def batch_command(
    source: Annotated[
        Path,
        typer.Argument(metavar="SOURCE", help="A folder of git repositories, or a list file."),
    ],
    branch: Annotated[str, typer.Option("--branch", help="Branch to commit on.")] = DEFAULT_BRANCH,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write diffs; commit nothing.")
    ] = False,
    output: Annotated[Path, typer.Option("--output", help="Folder for --dry-run diffs.")] = Path(
        "forgeapi-migrate-diffs"
    ),
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Repositories in parallel.")] = 1,
    test_cmd: Annotated[
        str | None, typer.Option("--test-cmd", help="Run in each migrated checkout.")
    ] = None,
    test_timeout: Annotated[
        float,
        typer.Option(
            "--test-timeout",
            metavar="SECONDS",
            min=0.1,
            help="End a --test-cmd that runs longer (failed-tests).",
        ),
    ] = DEFAULT_TEST_TIMEOUT,
    report_file: Annotated[
        Path | None, typer.Option("--report", help="Write a JSON report.")
    ] = None,
    shard_text: Annotated[
        str | None,
        typer.Option("--shard", metavar="K/N", help="Only the repositories of shard K of N."),
    ] = None,
) -> None:
    """Upgrade many repositories: one branch and one commit each, nothing pushed."""
    options = BatchOptions(branch, dry_run, output, jobs, test_cmd, test_timeout)
    try:
        shard = None if shard_text is None else parse_shard(shard_text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--shard") from None
    with _user_errors(False):
        targets = read_targets(source)
        targets = targets if shard is None else select_shard(targets, shard)
        with report.live_batch_table(report.stderr_console()) as on_result:
            outcome = run_batch(targets, options, on_result)
    if report_file is not None:
        with _user_errors(False):
            report_file.write_text(report.batch_json(outcome), encoding="utf-8")
    raise typer.Exit(EXIT_OK if outcome.ok else EXIT_PENDING)


batch_report_app = typer.Typer(
    no_args_is_help=True, rich_markup_mode=None, help="Work with the JSON reports of `batch`."
)
app.add_typer(batch_report_app, name="batch-report")


@batch_report_app.command("merge", cls=_Command)
def merge_reports_command(
    reports: Annotated[
        list[Path], typer.Argument(metavar="REPORT...", help="`batch --report` files.")
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Merge the reports of a fleet's shards into one; a summary table on stderr."""
    with _user_errors(False):
        merged = batch_report.merge(reports)
    if output is None:
        print(report.batch_json(merged))
    else:
        output.write_text(report.batch_json(merged), encoding="utf-8")
    report.print_batch_summary(batch_report.summarise(merged), report.stderr_console())
    raise typer.Exit(EXIT_OK if merged.ok else EXIT_PENDING)


@app.command("list-codemods")
def list_codemods_command() -> None:
    """List the codemods, in the order they run."""
    report.print_codemods(report.stdout_console())


def _recover(path: Path, as_json: bool, debug: bool) -> NoReturn:
    with _user_errors(as_json, debug):
        restored = recover(path)
    if restored is None:
        report.stderr_console().print(f"Nothing to recover: {path} has no journal.")
    else:
        report.stderr_console().print(f"Recovered: {restored} files of {path} are as they were.")
    raise typer.Exit(EXIT_OK)


@contextmanager
def _user_errors(as_json: bool, debug: bool = False) -> Iterator[None]:
    """A user error, an environment failure (OSError), Ctrl-C or SIGTERM ends the run with a
    message and its exit code, never a traceback; so does a bug (exit 3), unless --debug."""
    try:
        yield
    except (MigrationError, OSError) as caught:
        error = caught if isinstance(caught, MigrationError) else _environment_error(caught)
        if as_json:
            print(report.error_json(error))
        if isinstance(error, RestoreIncomplete):  # something was written: say so, not "nothing"
            report.stderr_console().print(f"error: {error}", markup=False, highlight=False)
        else:
            report.print_error(error, report.stderr_console())
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt as interrupt:
        signal = "SIGTERM" if isinstance(interrupt, Terminated) else "Ctrl-C"
        report.stderr_console().print(f"Interrupted ({signal}): nothing was left half-written.")
        raise typer.Exit(
            EXIT_TERMINATED if isinstance(interrupt, Terminated) else EXIT_INTERRUPTED
        ) from None
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise  # click's own ending of a command, not a bug
    except Exception as bug:
        if debug:
            traceback.print_exc()
        report.stderr_console().print(
            f"internal error (a bug in forgeapi-migrate): {type(bug).__name__}: {bug}. "
            "Nothing was written."
            + ("" if debug else " Run again with --debug for the traceback."),
            markup=False,
            highlight=False,
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def _environment_error(error: OSError) -> MigrationError:
    """Disk full, permission denied, read-only file system...: the path and the reason."""
    reason = error.strerror or type(error).__name__
    path = error.filename if error.filename2 is None else error.filename2  # a rename's target
    return MigrationError(reason, path=None if path is None else str(path))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (testable without a shell)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and args[0] not in ("--version", "-V", "--help", "-h"):
        args.insert(0, "migrate")
    try:
        with terminate_as_interrupt():
            app(args=args, prog_name="forgeapi-migrate", standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)
    return EXIT_OK


def entry_point() -> NoReturn:
    hard_exit(main())


def hard_exit(code: int) -> NoReturn:
    """End the process once the output is flushed, skipping the interpreter's tear-down.

    By now everything is written, the worker processes are gone, and what is left is freeing
    every object one by one (libcst's classes, the sources, the change set): 60 to 130 ms of
    a 1.5 s run at 200 domains. mypy ends its runs the same way (`mypy.util.hard_exit`).
    Nothing of ours relies on `atexit`.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nobody is reading
            stream.flush()
    os._exit(code)
