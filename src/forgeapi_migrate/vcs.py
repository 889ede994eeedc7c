"""The one place that talks to git (through GitPython, and plain `git ls-files`)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path


def dirty_files(root: Path) -> list[str] | None:
    """Uncommitted or untracked paths under `root`; None when it is not in a git work tree."""
    if not _may_be_in_a_work_tree(root):
        return None
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
    status = repo.git.status("--porcelain", "-z", "--untracked-files=all", "--", *pathspec)
    return _porcelain_paths(status)


def _porcelain_paths(status: str) -> list[str]:
    """The paths of `git status --porcelain -z`: `XY path` entries ended by NUL, never quoted
    (a path with a space or an accent is shown as it is); a rename or copy (`R`/`C`) is
    followed by its source path, which is not listed again. GitPython's API would take three
    calls, each a git process (`index.diff("HEAD")`, `index.diff(None)`, `untracked_files`)."""
    fields = status.split("\0")
    paths: list[str] = []
    index = 0
    while index < len(fields):
        entry = fields[index]
        index += 2 if {"R", "C"} & set(entry[:2]) else 1
        if len(entry) > 3:
            paths.append(entry[3:])
    return paths


def listed_files(root: Path) -> tuple[list[str], list[str]] | None:
    """The files under `root` that git tracks or would track (untracked, not ignored), and
    the files and folders (`name/`) it ignores, relative to `root`; None outside a git work
    tree.

    Plain `git` in a subprocess, not GitPython: this runs on every run, read-only ones
    included, and importing GitPython costs about 0.1 s, half of a run with nothing to do."""
    if not _may_be_in_a_work_tree(root) or shutil.which("git") is None:
        return None
    listed = _ls_files(root, "--cached", "--others", "--exclude-standard")
    # --directory: a wholly ignored folder (.venv/, build/) is one line, `name/`
    ignored = _ls_files(root, "--others", "--ignored", "--exclude-standard", "--directory")
    if listed is None or ignored is None:
        return None
    kept = [name for name in listed if (root / name).is_file() or (root / name).is_symlink()]
    return kept, ignored


def _ls_files(root: Path, *options: str) -> list[str] | None:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", *options, "--", "."],
            capture_output=True, timeout=120, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None  # not a work tree after all (a bare repository, a broken .git)
    return sorted({os.fsdecode(name) for name in proc.stdout.split(b"\0") if name})


def _may_be_in_a_work_tree(root: Path) -> bool:
    """False only when no folder from `root` up holds a `.git` and git is not pointed
    elsewhere (GIT_DIR): then GitPython, whose import alone costs about 0.1 s, would only
    tell us the same. Anything else is left to GitPython."""
    if "GIT_DIR" in os.environ or "GIT_WORK_TREE" in os.environ:
        return True
    resolved = root.resolve()
    return any((folder / ".git").exists() for folder in (resolved, *resolved.parents))


def remote_url(repo: Path) -> str | None:
    """The URL of the `origin` remote, else of the first remote by name; None without one.

    Plain `git config`, not GitPython: `batch --shard` asks this of every listed repository."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(repo), "config", "--get-regexp", r"^remote\..*\.url$"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    urls = {}
    for line in proc.stdout.splitlines():  # `remote.<name>.url <url>`; exit 1: no remote
        key, _, url = line.partition(" ")
        urls[key.removeprefix("remote.").removesuffix(".url")] = url.strip()
    if not urls:
        return None
    return urls.get("origin") or urls[min(urls)]


class GitError(Exception):
    """A git operation failed; the message says which."""


class Checkout:
    """One repository's work tree, for the batch upgrader: branch, commit, restore."""

    def __init__(self, path: Path) -> None:
        import git

        try:
            self._repo = git.Repo(path)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
            raise GitError(f"not a git repository: {path}") from exc
        self.path = path

    def _git(self, *args: str) -> str:
        import git

        for attempt in (1, 2):
            try:
                # a session of its own: a terminal's Ctrl-C reaches the batch, which finishes
                # or restores each repository, and never a git command half-way (batch.py)
                return str(self._repo.git.execute(["git", *args], start_new_session=True))
            except git.GitCommandError as exc:
                # A group's signal can land between the fork and the new session: the child
                # dies before git runs, and running it again is safe (a restore must finish).
                if attempt == 1 and exc.status in (-signal.SIGINT, -signal.SIGTERM):
                    continue
                raise GitError(f"git {' '.join(args)} failed: {exc.stderr.strip()}") from exc
        raise AssertionError("unreachable")

    def is_dirty(self) -> bool:
        return bool(self._git("status", "--porcelain", "--untracked-files=all").strip())

    def current_ref(self) -> str:
        """The branch checked out, or the commit when HEAD is detached."""
        branch = self._git("rev-parse", "--abbrev-ref", "HEAD")
        return self._git("rev-parse", "HEAD") if branch == "HEAD" else branch

    def has_branch(self, name: str) -> bool:
        return bool(self._git("branch", "--list", name).strip())

    def branch_contains(self, name: str, ref: str) -> bool:
        """Whether branch `name` holds the commit `ref` (HEAD of the original branch)."""
        return bool(self._git("branch", "--list", name, "--contains", ref).strip())

    def switch(self, ref: str, create: bool = False) -> None:
        self._git("checkout", "-q", *(["-b"] if create else []), ref)

    def restore(self, ref: str) -> None:
        """Back to `ref` with a clean tree (the tree was clean when we started)."""
        self._git("reset", "-q", "--hard")
        self._git("clean", "-q", "-fd")
        self._git("checkout", "-q", ref)

    def delete_branch(self, name: str) -> None:
        self._git("branch", "-q", "-D", name)

    def commit_all(self, message: str) -> str:
        """Commit every change as the user's git identity, without running the hooks."""
        try:
            identity = [self._git("config", key).strip() for key in ("user.name", "user.email")]
        except GitError:
            identity = []
        if len(identity) != 2 or not all(identity):
            raise GitError("no user.name/user.email in the git config: cannot commit")
        self._git("add", "-A")
        self._git("commit", "-q", "--no-verify", "-m", message)
        return self._git("rev-parse", "HEAD")
