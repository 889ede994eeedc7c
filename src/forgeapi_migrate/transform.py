"""Stage 3: run the codemods over every Python file that can reference a moved module.

A cheap byte prefilter decides which files need parsing at all; each parsed file
goes through the ordered codemods once. Results are per-file records; a file that
fails does not stop the others, but any failure aborts the run before writing.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile

from forgeapi_migrate.changeset import ChangeSet, FileChange
from forgeapi_migrate.codemods import MigrationCodemod
from forgeapi_migrate.discover import Discovery, module_name
from forgeapi_migrate.errors import Finding, MigrationError
from forgeapi_migrate.plan import MigrationPlan

Progress = Callable[[str], None]
_RELATIVE_IMPORT = re.compile(rb"^[ \t]*from[ \t]+\.", re.MULTILINE)


@dataclass(frozen=True)
class FileResult:
    path: str
    new_bytes: bytes | None  # None: content unchanged
    findings: tuple[Finding, ...] = ()
    rewrites: int = 0
    error: Finding | None = None


def transform_source(
    path: str,
    data: bytes,
    plan: MigrationPlan,
    codemods: Sequence[type[MigrationCodemod]],
) -> FileResult:
    """Run the codemods over one file's bytes. Pure: no I/O."""
    in_package = path.startswith(plan.source_package + "/")
    if not _may_reference(data, plan.source_package, in_package):
        return FileResult(path, None)
    try:
        tree = cst.parse_module(data)
    except cst.ParserSyntaxError as exc:
        return FileResult(path, None, error=_syntax_error(path, exc))
    except (UnicodeDecodeError, LookupError, SyntaxError) as exc:
        return FileResult(
            path, None, error=Finding(path, 1, "FM000", f"cannot decode: {exc}", "error")
        )
    findings: list[Finding] = []
    rewrites = 0
    module = module_name(path)
    package = module if PurePosixPath(path).name == "__init__.py" else module.rpartition(".")[0]
    for codemod_class in codemods:
        if not codemod_class.applies_to(path, data, plan):
            continue
        context = CodemodContext(
            filename=path,
            full_module_name=module if in_package else None,
            full_package_name=package if in_package else None,
        )
        codemod = codemod_class(context, plan)
        try:
            tree = codemod.transform_module(tree)
        except SkipFile:
            continue
        except Exception as exc:  # a codemod bug must name the file, not crash the run
            message = f"{codemod_class.ID} failed: {type(exc).__name__}: {exc}"
            return FileResult(
                path, None, error=Finding(path, 1, codemod_class.ID, message, "error")
            )
        findings.extend(codemod.findings)
        rewrites += codemod.rewrites
    new_bytes = tree.bytes
    return FileResult(path, None if new_bytes == data else new_bytes, tuple(findings), rewrites)


def _may_reference(data: bytes, package: str, in_package: bool) -> bool:
    if re.search(rb"\b" + re.escape(package.encode()) + rb"\b", data):
        return True
    return in_package and _RELATIVE_IMPORT.search(data) is not None


def _syntax_error(path: str, exc: cst.ParserSyntaxError) -> Finding:
    first = str(exc).splitlines()[0] if str(exc) else "syntax error"
    return Finding(path, exc.raw_line, "FM000", f"cannot parse: {first}", "error")


def build_changeset(
    discovery: Discovery,
    plan: MigrationPlan,
    codemods: Sequence[type[MigrationCodemod]],
    progress: Progress | None = None,
) -> ChangeSet:
    root = discovery.root
    excluded = set(discovery.excluded)
    changes: list[FileChange] = []
    findings: list[Finding] = list(plan.notes)
    errors: list[Finding] = []
    rewrites = 0
    for path in discovery.python_files:
        if progress is not None:
            progress(path)
        if path in excluded:
            continue
        data = (root / path).read_bytes()
        result = transform_source(path, data, plan, codemods)
        if result.error is not None:
            errors.append(result.error)
            continue
        findings.extend(result.findings)
        rewrites += result.rewrites
        change = _file_change(root, path, data, result.new_bytes, plan)
        if not change.is_noop:
            changes.append(change)
    if errors:
        first, more = errors[0], len(errors) - 1
        suffix = f" (and {more} more file{'s' if more > 1 else ''})" if more else ""
        raise MigrationError(first.message + suffix, path=first.path, line=first.line)
    changes.extend(FileChange(None, path, b"", b"") for path in plan.creations)
    _refuse_overwrites(root, changes)
    return ChangeSet(tuple(sorted(changes, key=lambda c: c.sort_key)), tuple(findings), rewrites)


def _file_change(
    root: Path, path: str, data: bytes, new_bytes: bytes | None, plan: MigrationPlan
) -> FileChange:
    mode = _git_mode(root / path)
    if path in plan.deletions:
        return FileChange(path, None, data, b"", mode)
    new_path = plan.new_paths.get(path, path)
    return FileChange(path, new_path, data, data if new_bytes is None else new_bytes, mode)


def _git_mode(path: Path) -> int:
    return 0o100755 if os.stat(path).st_mode & stat.S_IXUSR else 0o100644


def _refuse_overwrites(root: Path, changes: list[FileChange]) -> None:
    vacated = {c.old_path for c in changes if c.old_path and c.old_path != c.new_path}
    for change in changes:
        target = change.new_path
        if (
            target
            and target != change.old_path
            and target not in vacated
            and (root / target).exists()
        ):
            raise MigrationError(
                f"{change.old_path or 'a new file'} would overwrite an existing file", path=target
            )
