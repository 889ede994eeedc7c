"""The one place that talks to git (through GitPython)."""

from __future__ import annotations

from pathlib import Path


def dirty_files(root: Path) -> list[str] | None:
    """Uncommitted or untracked paths under `root`; None when it is not in a git work tree."""
    import git  # imported here: GitPython costs start-up time that read-only runs never need

    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    if repo.bare or repo.working_tree_dir is None:
        return None
    top = Path(repo.working_tree_dir).resolve()
    scope = root.resolve().relative_to(top).as_posix()
    pathspec = [] if scope == "." else [scope]
    status = repo.git.status("--porcelain", "--untracked-files=all", "--", *pathspec)
    return [line[3:] for line in status.splitlines() if line.strip()]
