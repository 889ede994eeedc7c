"""`forgeapi-migrate batch-report merge`: the reports of a fleet's shards, as one.

Input: the JSON files that `batch --report` wrote, one per shard (or per machine). Output: one
`BatchReport` with every repository once, and a `Summary` of it (counts per status, the
slowest repositories, the failures with the first line of their error) for `report` to print.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from forgeapi_migrate.batch import OK_STATUSES, BatchReport, RepoResult
from forgeapi_migrate.errors import MigrationError

SLOWEST = 5
_FIELDS = tuple(f.name for f in fields(RepoResult))


@dataclass(frozen=True)
class Summary:
    counts: tuple[tuple[str, int], ...]  # status -> repositories, most frequent first
    slowest: tuple[RepoResult, ...]
    failures: tuple[RepoResult, ...]  # every status but the OK ones, in report order


def merge(paths: Sequence[Path]) -> BatchReport:
    """All results of all reports, by path; a repository in two reports is refused (the shards
    overlap: reports of different N, or one report given twice)."""
    seen: dict[str, Path] = {}
    results: list[RepoResult] = []
    for path in paths:
        for result in read_report(path):
            if result.path in seen:
                raise MigrationError(
                    f"{result.path} is in {seen[result.path]} too: do the shards overlap?",
                    path=str(path),
                )
            seen[result.path] = path
            results.append(result)
    return BatchReport(tuple(sorted(results, key=lambda r: r.path)))


def read_report(path: Path) -> list[RepoResult]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MigrationError(f"not a readable JSON report: {error}", path=str(path)) from None
    rows = data.get("results") if isinstance(data, dict) else data  # a list, or a wrapped one
    if not isinstance(rows, list) or not all(_is_result(row) for row in rows):
        raise MigrationError("not a `batch --report` file (a list of results)", path=str(path))
    return [_result(row) for row in rows]


def _is_result(row: Any) -> bool:
    return isinstance(row, dict) and isinstance(row.get("path"), str) and "status" in row


def _result(row: dict[str, Any]) -> RepoResult:
    known = {name: row[name] for name in _FIELDS if name in row}  # newer fields are dropped
    known["warnings"] = tuple(known.get("warnings") or ())
    return RepoResult(**known)


def summarise(report: BatchReport, slowest: int = SLOWEST) -> Summary:
    counts = Counter(r.status for r in report.results)
    by_time = sorted(report.results, key=lambda r: (-r.duration_seconds, r.path))
    failures = tuple(r for r in report.results if r.status not in OK_STATUSES)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return Summary(tuple(ordered), tuple(by_time[:slowest]), failures)


def first_line(error: str | None) -> str:
    return next((line.strip() for line in (error or "").splitlines() if line.strip()), "")
