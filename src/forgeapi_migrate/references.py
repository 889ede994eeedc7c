"""References to the old package in non-Python files (Dockerfile, compose, CI, Makefile,
ini/toml/cfg files, shell scripts).

A reference is rewritten when it names something the plan moves as a whole: a module by
dotted path (`uvicorn app.main:app` -> `src.main:app`), a file (`app/main.py`), or a folder
whose files all move together (`app/alembic` -> `src/alembic`). A reference to a folder that
the move dissolves (`--cov=app/api/routes`) cannot follow it and is reported with file and
line. Look-alikes are left alone: `/app/backend` (a container path) and `app.log` (a file
name) name nothing the plan knows. Lines are edited in place; every other byte is kept.
"""

from __future__ import annotations

import re
from dataclasses import replace

from forgeapi_migrate.changeset import FileChange
from forgeapi_migrate.discover import Discovery
from forgeapi_migrate.errors import Finding
from forgeapi_migrate.plan import MigrationPlan

CODE = "FM090"


def rewrite_text_files(
    discovery: Discovery, plan: MigrationPlan
) -> tuple[list[FileChange], list[Finding]]:
    if plan.is_empty:
        return [], []
    package = "(?:" + "|".join(re.escape(r) for r in plan.source_roots) + ")"
    pattern = re.compile(
        rf"(?:(?<=\./)|(?<=--cov=)|(?<![\w./-])){package}"
        rf"(?:(?:[./:][A-Za-z_][\w-]*)+(?:\.py)?|(?![\w.:-]))"
    )
    changes: list[FileChange] = []
    findings: list[Finding] = []
    for path in discovery.text_files:
        data = (discovery.root / path).read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # not a text file we can edit safely; the package is rarely named there
        lines = [
            _rewrite_line(line, pattern, plan, Finding(path, number, CODE, ""), findings)
            for number, line in enumerate(text.splitlines(keepends=True), start=1)
        ]
        new_text = "".join(lines)
        if new_text != text:
            changes.append(FileChange(path, path, data, new_text.encode("utf-8")))
    return changes, findings


def _rewrite_line(
    line: str,
    pattern: re.Pattern[str],
    plan: MigrationPlan,
    where: Finding,
    findings: list[Finding],
) -> str:
    def follow(match: re.Match[str]) -> str:
        if match.group() in plan.source_roots:
            return _follow_package(match, plan, where, findings)
        new = _follow(match.group(), plan)
        if new is None:
            message = f"{match.group()!r} names a folder the move dissolves; not rewritten"
            findings.append(replace(where, message=message, unresolved=True))
            return match.group()
        return new

    return pattern.sub(follow, line)


def _follow_package(
    match: re.Match[str], plan: MigrationPlan, where: Finding, findings: list[Finding]
) -> str:
    """The package named as a whole: a folder path (`ruff check app/`, `--cov=app`) becomes
    the new package; anything else (`COPY ./app /code/app`, `source = ["app"]`, a project
    called `app`) may or may not mean the package and is reported, not guessed."""
    line = match.string
    as_folder = line[match.end() : match.end() + 1] == "/"
    if (as_folder or line[: match.start()].endswith("--cov=")) and not plan.siblings:
        return plan.target_package
    message = f"{match.group()!r} may name the package folder, now {plan.target_package}/; check it"
    findings.append(replace(where, message=message, unresolved=True))
    return match.group()


def _follow(reference: str, plan: MigrationPlan) -> str | None:
    """The reference's new spelling; the reference itself if it names nothing we know;
    None if it names something the move dissolves."""
    if "/" in reference:
        known = reference.rstrip("/")
        if known in plan.new_paths or known in plan.folder_map:
            return plan.new_location(known)
        return reference
    dotted, colon, attribute = reference.partition(":")
    new = plan.new_dotted_path(dotted)
    if new is not None:
        return new + colon + attribute
    return None if plan.is_dissolved_path(dotted) else reference
