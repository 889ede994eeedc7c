"""Root-based POSIX paths, as the path evaluator (`file_paths.py`) and the resource mover
(`resources.py`) reason about them. No libcst here: discovery imports it on every run."""

from __future__ import annotations

from pathlib import PurePosixPath

# The project root. Paths above it (a `.env` beside the repository) stay representable.
ROOT = PurePosixPath("/@root")


def normalize(path: PurePosixPath) -> PurePosixPath:
    """Collapse `..` and `.` segments (PurePosixPath keeps them)."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if len(parts) > 1:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def relative(path: PurePosixPath) -> str:
    """A root-based path as the project sees it: `app/x.sql`, or `../.env` above the root."""
    ups = 0
    base = ROOT
    while not path.is_relative_to(base):
        base, ups = base.parent, ups + 1
    rest = path.relative_to(base).as_posix()
    return "/".join([".."] * ups + ([rest] if rest != "." else [])) or "."
