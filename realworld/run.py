"""Real-world harness: migrate pinned public FastAPI repositories and compare before and after.

python realworld/run.py [--only NAME ...] [--scratch DIR] [--tool PATH] [--mirrors DIR] [--keep]

For each `repos/<name>.toml` it clones the repository from its local mirror at the pinned commit,
builds the project's own venv (cached under the scratch folder), runs the project's tests and
dumps its OpenAPI document (and Alembic's offline SQL), migrates two more clones (in place and
through `--dry-run` + `git apply`), and compares. One verdict a repository: GREEN, RED (...),
REFUSED (...), CRASH (...), BROKEN-BEFORE (...), SKIPPED (...) or ERROR (harness: ...).
Stdlib only; the services (PostgreSQL, Redis) live in services.py.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import dataclasses
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
import tomllib
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import services  # noqa: E402

DEFAULT_TOOL = Path("/work/main/.venv/bin/forgeapi-migrate")
PYENV = Path.home() / ".pyenv" / "versions"
INSTALL_TIMEOUT = 15 * 60
TESTS_TIMEOUT = 15 * 60
STEP_TIMEOUT = 5 * 60
TOOL_TIMEOUT = 10 * 60
SKIPPED_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".mypy_cache"}
OUTCOMES = ("passed", "skipped", "failed", "error")  # from best to worst
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class Stop(Exception):
    """Ends one repository's run with its verdict (REFUSED, CRASH, BROKEN-BEFORE, ...)."""

    def __init__(self, verdict: str, why: str) -> None:
        super().__init__(f"{verdict} ({why})")
        self.verdict = verdict
        self.why = why


@dataclasses.dataclass(frozen=True)
class Recipe:
    """One `repos/<name>.toml` file."""

    name: str
    repo: str
    commit: str
    project: str
    app: str
    python: str
    install: tuple[str, ...]
    tests: str
    services: tuple[str, ...] = ()
    env: Mapping[str, str] = dataclasses.field(default_factory=dict)
    setup: tuple[str, ...] = ()
    tool_args: tuple[str, ...] = ()
    notes: str = ""


@dataclasses.dataclass(frozen=True)
class Options:
    scratch: Path
    tool: Path
    mirrors: Path
    keep: bool


@dataclasses.dataclass(frozen=True)
class Ran:
    """A finished subprocess."""

    code: int
    out: str
    err: str
    timed_out: bool = False

    def tail(self) -> str:
        """The last non-empty line of its output, for one-line messages."""
        if self.timed_out:
            return "timed out"
        for text in (self.err, self.out):
            lines = [ANSI.sub("", line).strip() for line in text.splitlines() if line.strip()]
            if lines:
                return lines[-1][:200]
        return f"exit code {self.code}"


@dataclasses.dataclass(frozen=True)
class Context:
    """What every command of one repository runs with."""

    recipe: Recipe
    venv: Path
    env: Mapping[str, str]
    values: Mapping[str, str]
    out: Path  # <scratch>/<name>: logs, diffs, dumps


@dataclasses.dataclass
class Measure:
    """What one tree does: its tests' outcomes, OpenAPI document and Alembic SQL."""

    tests: dict[str, str] = dataclasses.field(default_factory=dict)
    tests_error: str = ""
    openapi: str | None = None
    openapi_error: str = ""
    alembic: str | None = None
    alembic_error: str = ""


@dataclasses.dataclass
class Result:
    name: str
    repo: str
    commit: str
    verdict: str = ""
    why: str = ""
    before: str = ""
    after: str = ""
    seconds: float = 0.0
    notes: list[str] = dataclasses.field(default_factory=list)

    def line(self) -> str:
        return f"{self.verdict} ({self.why})" if self.why else self.verdict


# -- small helpers ---------------------------------------------------------------------


def say(name: str, message: str) -> None:
    print(f"[{name}] {message}", file=sys.stderr, flush=True)


def sh(
    cmd: str | list[str],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = STEP_TIMEOUT,
    log: Path | None = None,
) -> Ran:
    """Run a command (a string goes through bash) in its own process group, with a timeout."""
    proc = subprocess.Popen(
        cmd,
        shell=isinstance(cmd, str),
        executable="/bin/bash" if isinstance(cmd, str) else None,
        cwd=cwd,
        env=None if env is None else dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc.pid)
        out, err = proc.communicate(timeout=30)
    _kill_group(proc.pid)  # whatever it left running in its group
    ran = Ran(proc.returncode, out, err, timed_out)
    if log is not None:
        _append_log(log, cmd, cwd, ran)
    return ran


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _append_log(log: Path, cmd: str | list[str], cwd: Path, ran: Ran) -> None:
    shown = cmd if isinstance(cmd, str) else " ".join(cmd)
    status = "timed out" if ran.timed_out else f"exit code {ran.code}"
    with log.open("a", encoding="utf-8") as handle:
        handle.write(f"$ cd {cwd} && {shown}\n{ran.out}{ran.err}[{status}]\n\n")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace `{placeholder}`s by the services' values; unknown ones are an error."""

    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise Stop("BROKEN-BEFORE", f"placeholder {{{key}}} has no value: add its service")
        return values[key]

    return re.sub(r"(?<!\$)\{([a-z_]+)\}", one, text)


def walk(root: Path) -> Iterator[Path]:
    """Every file and symlink under root, .git and caches left out, in a stable order."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            yield Path(folder, name)
        for name in dirs:
            if Path(folder, name).is_symlink():
                yield Path(folder, name)


def to_module(path: str) -> str:
    """`app/api/__init__.py` -> `app.api`; `app/main.py` -> `app.main`."""
    stem = path.removesuffix(".py").removesuffix("/__init__")
    return stem.replace("/", ".")


# -- recipes ---------------------------------------------------------------------------


def load_recipes(folder: Path, only: list[str]) -> list[Recipe]:
    recipes = []
    for path in sorted(folder.glob("*.toml")):
        if only and path.stem not in only:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key in ("install", "services", "setup", "tool_args"):
            data[key] = tuple(data.get(key, ()))
        recipes.append(Recipe(name=path.stem, **data))
    missing = set(only) - {recipe.name for recipe in recipes}
    if missing:
        raise SystemExit(f"no recipe for {', '.join(sorted(missing))} in {folder}")
    return recipes


def find_python(version: str) -> Path:
    """The newest pyenv interpreter X.Y.* for version X.Y."""
    found = sorted(
        PYENV.glob(f"{version}.*/bin/python"),
        key=lambda p: [int(x) for x in p.parent.parent.name.split(".") if x.isdigit()],
    )
    if not found:
        raise Stop("BROKEN-BEFORE", f"no Python {version} under {PYENV}")
    return found[-1]


# -- clones, venv, services ------------------------------------------------------------


def clone(recipe: Recipe, opts: Options, dest: Path) -> Path:
    """A clean clone of the mirror at the pinned commit; returns the project folder."""
    mirror = opts.mirrors / recipe.repo.replace("/", "+") / "repo"
    if not mirror.exists():
        raise Stop("SKIPPED", f"no mirror {mirror}: fetch github:{recipe.repo} first")
    shutil.rmtree(dest, ignore_errors=True)
    for cmd in (["git", "clone", "-q", str(mirror), str(dest)],
                ["git", "-C", str(dest), "checkout", "-q", recipe.commit]):  # fmt: skip
        ran = sh(cmd, cwd=opts.scratch)
        if ran.code != 0:
            raise Stop("BROKEN-BEFORE", f"{' '.join(cmd[:3])}: {ran.tail()}")
    return dest / recipe.project


def venv_env(venv: Path) -> dict[str, str]:
    """The environment of a command run "in the venv" (install, setup, tests, dumps)."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    env["REALWORLD"] = str(HERE)
    # One hash seed for every run of the project: an app whose OpenAPI lists a set (open-prices'
    # currency enum) gives another order in each process, migrated or not.
    env["PYTHONHASHSEED"] = "0"
    return env


def install(recipe: Recipe, venv: Path, project: Path, log: Path) -> None:
    for cmd in recipe.install:
        ran = sh(cmd, project, venv_env(venv), INSTALL_TIMEOUT, log)
        if ran.code != 0:
            raise Stop("BROKEN-BEFORE", f"install `{cmd[:60]}` failed: {ran.tail()}")


def ensure_venv(recipe: Recipe, opts: Options, project: Path, log: Path) -> tuple[Path, bool]:
    """The project's venv, re-used while the commit, Python and install commands stay.

    Returns it and whether the install baked the project's own path into it (an editable
    install of the project itself), in which case install runs again for every tree.
    """
    venv = opts.scratch / recipe.name / "venv"
    stamp = venv / "rw-stamp.json"
    key = hashlib.sha256(
        json.dumps([recipe.commit, recipe.python, recipe.install]).encode()
    ).hexdigest()
    if stamp.exists():
        saved = json.loads(stamp.read_text())
        if saved["key"] == key:
            log.write_text(f"re-using {venv} (same commit, Python and install commands)\n")
            if saved["self_install"]:
                install(recipe, venv, project, log)
            return venv, bool(saved["self_install"])
    shutil.rmtree(venv, ignore_errors=True)
    ran = sh([str(find_python(recipe.python)), "-m", "venv", str(venv)], opts.scratch, log=log)
    if ran.code != 0:
        raise Stop("BROKEN-BEFORE", f"venv: {ran.tail()}")
    install(recipe, venv, project, log)
    self_install = _mentions(venv, project)
    stamp.write_text(json.dumps({"key": key, "self_install": self_install}))
    return venv, self_install


def _mentions(venv: Path, project: Path) -> bool:
    """Whether a .pth, .egg-link or direct_url.json of the venv points into the project."""
    needle = str(project.resolve())
    for site in venv.glob("lib/python*/site-packages"):
        for path in site.iterdir():
            candidates = [path] if path.suffix in {".pth", ".egg-link"} else []
            candidates += list(path.glob("direct_url.json")) if path.is_dir() else []
            if any(needle in c.read_text(errors="replace") for c in candidates):
                return True
    return False


def start_services(recipe: Recipe, opts: Options) -> dict[str, str]:
    values: dict[str, str] = {}
    for name in recipe.services:
        try:
            values.update(services.start(name, opts.scratch))
        except (services.ServiceError, OSError, subprocess.SubprocessError) as error:
            raise Stop("BROKEN-BEFORE", f"service {name}: {str(error).splitlines()[0]}") from None
    return values


# -- measuring a tree ------------------------------------------------------------------


def read_junit(path: Path) -> dict[str, str]:
    """classname::name -> passed / skipped / failed / error (the worst when repeated)."""
    outcomes: dict[str, str] = {}
    for case in ElementTree.parse(path).iter("testcase"):
        test_id = f"{case.get('classname', '')}::{case.get('name', '')}"
        tags = {child.tag for child in case}
        outcome = "passed"
        for tag, name in (("skipped", "skipped"), ("failure", "failed"), ("error", "error")):
            outcome = name if tag in tags else outcome
        previous = outcomes.get(test_id, "passed")
        outcomes[test_id] = max(previous, outcome, key=OUTCOMES.index)
    return outcomes


def run_tests(ctx: Context, project: Path, label: str, measure: Measure) -> None:
    log = ctx.out / f"tests-{label}.log"
    log.unlink(missing_ok=True)
    for cmd in ctx.recipe.setup:
        ran = sh(fill(cmd, ctx.values), project, ctx.env, STEP_TIMEOUT, log)
        if ran.code != 0:
            measure.tests_error = f"setup `{cmd[:50]}` failed: {ran.tail()}"
            return
    junit = ctx.out / f"junit-{label}.xml"
    junit.unlink(missing_ok=True)
    cmd = f"{fill(ctx.recipe.tests, ctx.values)} --junitxml={junit}"
    ran = sh(cmd, project, ctx.env, TESTS_TIMEOUT, log)
    if not junit.exists():
        measure.tests_error = f"tests wrote no report: {ran.tail()}"
        return
    measure.tests = read_junit(junit)
    if not measure.tests:
        measure.tests_error = f"no test ran: {ran.tail()}"


def dump_openapi(ctx: Context, project: Path, app: str, label: str, measure: Measure) -> None:
    out = ctx.out / f"openapi-{label}.json"
    out.unlink(missing_ok=True)
    python = str(ctx.venv / "bin" / "python")
    cmd = [python, str(HERE / "dump_openapi.py"), app, str(out)]
    ran = sh(cmd, project, ctx.env, STEP_TIMEOUT, ctx.out / f"openapi-{label}.log")
    if ran.code != 0 or not out.exists():
        measure.openapi_error = f"OpenAPI of {app}: {ran.tail()}"
    else:
        measure.openapi = out.read_text(encoding="utf-8")


def alembic_sql(ctx: Context, project: Path, label: str, measure: Measure) -> None:
    """`alembic upgrade head --sql` of every alembic.ini in the project, concatenated."""
    inis = [p for p in walk(project) if p.name == "alembic.ini"]
    if not inis:
        measure.alembic_error = "no alembic.ini"
        return
    outputs = []
    for ini in inis:
        cmd = ["alembic", "-c", str(ini.relative_to(project)), "upgrade", "head", "--sql"]
        ran = sh(cmd, project, ctx.env, STEP_TIMEOUT, ctx.out / f"alembic-{label}.log")
        if ran.code != 0:
            measure.alembic_error = f"alembic n/a: {ran.tail()}"
            return
        outputs.append(ran.out)
    measure.alembic = "".join(outputs)
    (ctx.out / f"alembic-{label}.sql").write_text(measure.alembic, encoding="utf-8")


def measure_tree(ctx: Context, project: Path, app: str, label: str) -> Measure:
    measure = Measure()
    say(ctx.recipe.name, f"{label}: tests")
    run_tests(ctx, project, label, measure)
    say(ctx.recipe.name, f"{label}: OpenAPI of {app}, Alembic")
    dump_openapi(ctx, project, app, label, measure)
    alembic_sql(ctx, project, label, measure)
    return measure


def summary(outcomes: Mapping[str, str]) -> str:
    counts = {name: sum(1 for o in outcomes.values() if o == name) for name in OUTCOMES}
    text = f"{counts['passed']} passed, {counts['failed']} failed"
    extra = [f"{counts[name]} {name}" for name in ("error", "skipped") if counts[name]]
    return ", ".join([text, *extra])


# -- the tool --------------------------------------------------------------------------


def _statements(sql: str) -> list[str]:
    """The offline SQL's statements, sorted: SQLAlchemy emits a table's indexes in the order
    of a set of Index objects (hashed by identity), which differs from one process to the
    next, migrated or not; the statements themselves must be the same."""
    return sorted(part.strip() for part in sql.split(";\n") if part.strip())


def tool_plan(opts: Options, project: Path, out: Path) -> dict[str, Any]:
    """`plan --json` of a clean tree; {} when the tool refuses to plan it."""
    ran = sh([str(opts.tool), "plan", str(project), "--json"], project, timeout=TOOL_TIMEOUT)
    (out / "plan.json").write_text(ran.out, encoding="utf-8")
    try:
        plan: dict[str, Any] = json.loads(ran.out)
    except json.JSONDecodeError:
        return {}
    return plan if "moves" in plan else {}


def judge_tool_run(ran: Ran, what: str) -> None:
    """REFUSED on exit code 2, CRASH on 3, a traceback, a timeout or an unknown exit code."""
    err = ANSI.sub("", ran.err)
    if ran.timed_out:
        raise Stop("CRASH", f"{what}: timed out after {TOOL_TIMEOUT} s")
    if ran.code == 3 or "Traceback (most recent call last)" in err or ran.code not in {0, 1, 2}:
        raise Stop("CRASH", f"{what}: exit {ran.code}: {ran.tail()}")
    if ran.code == 2:
        errors = [line for line in err.splitlines() if line.startswith("error:")]
        raise Stop("REFUSED", errors[0][:300] if errors else ran.tail())


def migrate_in_place(ctx: Context, opts: Options, project: Path) -> list[str]:
    """Migrate in place; a note when it exits 1 (references it lists as unresolved)."""
    cmd = [str(opts.tool), str(project), *ctx.recipe.tool_args]
    ran = sh(cmd, project, timeout=TOOL_TIMEOUT)
    (ctx.out / "tool-stderr.txt").write_text(ran.err, encoding="utf-8")
    judge_tool_run(ran, "in place")
    if ran.code == 0:
        return []
    unresolved = re.search(r"(\d+) references? could not follow", ran.err)
    what = f"{unresolved[1]} unresolved references" if unresolved else ran.tail()
    return [f"in-place exit {ran.code}: {what}"]


def migrate_dry_run(ctx: Context, opts: Options, root: Path) -> list[str]:
    """`--dry-run` into <out>/dryrun.diff, then `git apply` it from the repository's root."""
    project = root / ctx.recipe.project
    cmd = [str(opts.tool), str(project), "--dry-run", *ctx.recipe.tool_args]
    ran = sh(cmd, project, timeout=TOOL_TIMEOUT)
    diff = ctx.out / "dryrun.diff"
    diff.write_text(ran.out, encoding="utf-8")
    (ctx.out / "dryrun-stderr.txt").write_text(ran.err, encoding="utf-8")
    judge_tool_run(ran, "dry run")
    if not ran.out.strip():
        return []
    apply = ["git", "apply", "--whitespace=nowarn"]
    if ctx.recipe.project != ".":
        apply.append(f"--directory={ctx.recipe.project}")
    applied = sh([*apply, str(diff)], root)
    return [] if applied.code == 0 else [f"dry-run diff does not apply: {applied.tail()}"]


def tool_check(ctx: Context, opts: Options, project: Path) -> list[str]:
    cmd = [str(opts.tool), str(project), "--check", *ctx.recipe.tool_args]
    ran = sh(cmd, project, timeout=TOOL_TIMEOUT)
    (ctx.out / "check-stderr.txt").write_text(ran.err, encoding="utf-8")
    return [] if ran.code == 0 else [f"--check exit {ran.code}: {ran.tail()}"]


# -- comparisons -----------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[str, bytes]]:
    """Relative path -> (kind and mode, content) for every file and symlink; empty folders too."""
    files: dict[str, tuple[str, bytes]] = {}
    for path in walk(root):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            files[rel] = ("link", os.readlink(path).encode())
        else:
            files[rel] = (oct(stat.S_IMODE(path.stat().st_mode)), path.read_bytes())
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        if not dirs and not names:
            files[str(Path(folder).relative_to(root)) + "/"] = ("empty folder", b"")
    return files


def compare_trees(dryrun: Path, inplace: Path) -> list[str]:
    left, right = snapshot(dryrun), snapshot(inplace)
    differing = sorted(p for p in left.keys() | right.keys() if left.get(p) != right.get(p))
    if not differing:
        return []
    first = differing[0]
    how = "only in-place" if first not in left else "only dry-run" if first not in right else ""
    how = how or ("mode" if left[first][0] != right[first][0] else "content")
    return [f"dry-run tree != in-place tree: {len(differing)} paths ({first}: {how})"]


def old_imports(project: Path, old: str) -> list[str]:
    """`import old...` / `from old... import` left in the migrated .py files (file:line)."""
    found = []
    for path in walk(project):
        if path.suffix != ".py" or path.is_symlink():
            continue
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            if any(n == old or n.startswith(old + ".") for n in names):
                found.append(f"{path.relative_to(project)}:{node.lineno}")
    return found


def module_moves(plan: Mapping[str, Any]) -> dict[str, str]:
    """Dotted old module -> dotted new module, for every .py file the plan moves."""
    return {
        to_module(move["old"]): to_module(move["new"])
        for move in plan.get("moves", [])
        if move["old"].endswith(".py") and move["new"].endswith(".py")
    }


def renamed(dotted: str, moves: Mapping[str, str]) -> str:
    """A dotted name (module, classname) after the moves: the longest moved prefix wins."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in moves:
            return ".".join([moves[prefix], *parts[cut:]])
    return dotted


def migrated_app(app: str, plan: Mapping[str, Any]) -> str:
    module, _, attr = app.partition(":")
    return f"{renamed(module, module_moves(plan))}:{attr}"


def compare_tests(before: Mapping[str, str], after: Mapping[str, str], plan: Any) -> list[str]:
    moves = module_moves(plan)
    expected = {}
    for test_id, outcome in before.items():
        classname, _, name = test_id.partition("::")
        expected[f"{renamed(classname, moves)}::{name}"] = outcome
    lost = sorted(expected.keys() - after.keys())
    new = sorted(after.keys() - expected.keys())
    changed = sorted(t for t in expected.keys() & after.keys() if expected[t] != after[t])
    problems = [f"tests missing after: {len(lost)} ({lost[0]})"] if lost else []
    problems += [f"tests new after: {len(new)} ({new[0]})"] if new else []
    if changed:
        first = f"{changed[0]}: {expected[changed[0]]} -> {after[changed[0]]}"
        problems.append(f"tests outcome changed: {len(changed)} ({first})")
    return problems


def compare(before: Measure, after: Measure, plan: Mapping[str, Any]) -> list[str]:
    """What differs between the measures of the tree before and after the migration."""
    problems = []
    if after.tests_error:
        problems.append(f"tests after: {after.tests_error}")
    else:
        problems += compare_tests(before.tests, after.tests, plan)
    if after.openapi is None:
        problems.append(after.openapi_error)
    elif after.openapi != before.openapi:
        problems.append("OpenAPI differs (diff openapi-before.json openapi-after.json)")
    if before.alembic is not None and after.alembic is None:
        problems.append(f"Alembic after: {after.alembic_error}")
    elif (
        before.alembic is not None
        and after.alembic is not None
        and _statements(after.alembic) != _statements(before.alembic)
    ):
        problems.append("Alembic SQL differs (diff alembic-before.sql alembic-after.sql)")
    return problems


# -- one repository --------------------------------------------------------------------


def measure_before(recipe: Recipe, opts: Options, result: Result) -> tuple[Context, Measure, bool]:
    out = opts.scratch / recipe.name
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.iterdir():  # the logs, diffs and dumps of the previous run
        if stale.is_file():
            stale.unlink()
    say(recipe.name, f"clone {recipe.repo}@{recipe.commit[:12]}")
    project = clone(recipe, opts, out / "before")
    say(recipe.name, f"venv (Python {recipe.python})")
    venv, self_install = ensure_venv(recipe, opts, project, out / "install.log")
    values = start_services(recipe, opts)
    env = {**venv_env(venv), **{k: fill(v, values) for k, v in recipe.env.items()}}
    ctx = Context(recipe, venv, env, values, out)
    before = measure_tree(ctx, project, recipe.app, "before")
    result.before = summary(before.tests)
    if before.tests_error or before.openapi is None:
        raise Stop("BROKEN-BEFORE", before.tests_error or before.openapi_error)
    if before.alembic is None and before.alembic_error != "no alembic.ini":
        result.notes.append(before.alembic_error)
    return ctx, before, self_install


def migrate(ctx: Context, opts: Options, result: Result) -> tuple[dict[str, Any], list[str]]:
    """Plan, migrate in place and through the dry-run diff; what already went wrong."""
    recipe = ctx.recipe
    inplace = clone(recipe, opts, ctx.out / "inplace")
    clone(recipe, opts, ctx.out / "dryrun")
    plan = tool_plan(opts, ctx.out / "dryrun" / recipe.project, ctx.out)
    say(recipe.name, "migrate in place, then --dry-run + git apply")
    result.notes += migrate_in_place(ctx, opts, inplace)
    problems = []
    not_applied = migrate_dry_run(ctx, opts, ctx.out / "dryrun")
    problems += not_applied or compare_trees(ctx.out / "dryrun", ctx.out / "inplace")
    problems += tool_check(ctx, opts, inplace)
    old, new = plan.get("source_package"), plan.get("target_package")
    if old and old != new:
        left = old_imports(inplace, old)
        if left:
            problems.append(f"imports of {old} left: {len(left)} ({left[0]})")
    return plan, problems


def run_stages(recipe: Recipe, opts: Options, result: Result) -> None:
    ctx, before, self_install = measure_before(recipe, opts, result)
    plan, problems = migrate(ctx, opts, result)
    if not plan:
        problems.append("plan --json gave no plan (see plan.json)")
    inplace = ctx.out / "inplace" / recipe.project
    if self_install:
        install(recipe, ctx.venv, inplace, ctx.out / "install.log")
    after = measure_tree(ctx, inplace, migrated_app(recipe.app, plan), "after")
    result.after = summary(after.tests) if not after.tests_error else "did not run"
    problems += compare(before, after, plan)
    if self_install:  # point the cached venv at the untouched tree again
        install(recipe, ctx.venv, ctx.out / "before" / recipe.project, ctx.out / "install.log")
    result.verdict, result.why = ("RED", "; ".join(problems)) if problems else ("GREEN", "")


def tool_for(recipe: Recipe, opts: Options) -> Path:
    """The tool under the project's own Python when that is newer than the tool's default
    (3.11 cannot parse `type X = ...`): as a user of such a project would install it. A venv
    per version under the scratch folder, with this checkout installed editable."""
    version = tuple(int(x) for x in recipe.python.split("."))
    if opts.tool != DEFAULT_TOOL or version <= (3, 11):
        return opts.tool
    venv = opts.scratch / "tools" / f"py{recipe.python}"
    tool = venv / "bin" / "forgeapi-migrate"
    if not tool.exists():
        say(recipe.name, f"tool venv (Python {recipe.python})")
        sh([str(find_python(recipe.python)), "-m", "venv", str(venv)], opts.scratch, timeout=600)
        pip = [str(venv / "bin" / "pip"), "install", "-q", "-e", str(HERE.parent)]
        if sh(pip, opts.scratch, timeout=INSTALL_TIMEOUT).code != 0:
            raise Stop("BROKEN-BEFORE", f"could not install the tool under Python {recipe.python}")
    return tool


def run_repo(recipe: Recipe, opts: Options) -> Result:
    result = Result(recipe.name, recipe.repo, recipe.commit)
    started = time.monotonic()
    try:
        opts = dataclasses.replace(opts, tool=tool_for(recipe, opts))
        run_stages(recipe, opts, result)
    except Stop as stop:
        result.verdict, result.why = stop.verdict, stop.why
    except Exception as error:  # a harness bug must not stop the other repositories
        result.verdict, result.why = "ERROR", f"harness: {type(error).__name__}: {error}"
    finally:
        result.seconds = round(time.monotonic() - started, 1)
        if not opts.keep:
            for tree in ("before", "inplace", "dryrun"):
                shutil.rmtree(opts.scratch / recipe.name / tree, ignore_errors=True)
    say(recipe.name, result.line())
    return result


# -- report and main -------------------------------------------------------------------


def table(results: list[Result]) -> str:
    rows = ["| repo | commit | verdict | before tests | after tests | seconds |", "|---" * 6 + "|"]
    for r in results:
        verdict = r.line().replace("|", "\\|")
        cells = [r.repo, r.commit[:7], verdict, r.before, r.after, f"{r.seconds:.0f}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def save_results(path: Path, results: list[Result]) -> None:
    """Write this run's results, keeping those of repositories it did not run."""
    kept: list[dict[str, Any]] = []
    if path.exists():
        names = {r.name for r in results}
        kept = [r for r in json.loads(path.read_text()) if r.get("name") not in names]
    rows = sorted(kept + [dataclasses.asdict(r) for r in results], key=lambda r: r["name"])
    path.write_text(json.dumps(rows, indent=1) + "\n")


def parse_args(argv: list[str]) -> tuple[Options, list[str]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=[], metavar="NAME", help="repos/NAME.toml")
    parser.add_argument("--scratch", type=Path, default=Path("/work/rw-scratch"))
    parser.add_argument("--tool", type=Path, default=DEFAULT_TOOL)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--keep", action="store_true", help="keep the clones after the run")
    args = parser.parse_args(argv)
    scratch = args.scratch.resolve()
    opts = Options(scratch, args.tool.absolute(), args.mirrors.resolve(), args.keep)
    return opts, args.only


def main(argv: list[str]) -> int:
    opts, only = parse_args(argv)
    if not os.access(opts.tool, os.X_OK):
        raise SystemExit(f"no executable tool at {opts.tool} (--tool)")
    recipes = load_recipes(HERE / "repos", only)
    opts.scratch.mkdir(parents=True, exist_ok=True)
    try:
        results = [run_repo(recipe, opts) for recipe in recipes]
    finally:
        services.stop_all()
    save_results(opts.scratch / "results.json", results)
    print(table(results))
    for r in results:
        for note in r.notes:
            print(f"- {r.name}: {note}")
    return 0 if all(r.verdict == "GREEN" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
