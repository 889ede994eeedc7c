"""References to the old package in non-Python files (Dockerfile, compose, CI, Makefile,
ini/toml/cfg files, shell scripts): `list[text file]` in, `(list[FileChange], list[Finding])` out.

A reference is rewritten when it names something the plan moves as a whole: a module by
dotted path (`uvicorn app.main:app` -> `src.main:app`), a file (`app/main.py`), or a folder
whose files all move together (`app/alembic` -> `src/alembic`). A reference to a folder that
the move dissolves (`--cov=app/api/routes`) cannot follow it and is reported with file and
line. Look-alikes are left alone: `/app/backend` (a container path) and `app.log` (a file
name) name nothing the plan knows. Lines are edited in place; every other byte is kept.

The package named by its bare name (`app`) is judged by where it stands (`_judge`): in a
comment it is prose; as an argument of a tool that takes source paths (`mypy app`), the value
of a path option (`--cov app`) or a config value that is exactly the package
(`source = ["app"]`) it follows the move; as a program (`uv run app`), a distribution or
script name (`name = "app"`) or inside a sentence it is left alone; anywhere else it is
reported, not guessed. Each line is read first (`text_lines.read_lines`: its comment, command,
section and key); this module only decides.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from forgeapi_migrate.changeset import FileChange, mode_of
from forgeapi_migrate.discover import Discovery
from forgeapi_migrate.errors import Finding
from forgeapi_migrate.plan import MigrationPlan
from forgeapi_migrate.text_lines import Line, read_lines

CODE = "FM090"

Verdict = Literal["rewrite", "keep", "report"]

# Programs whose arguments are source paths or package names: `mypy app`, `ruff check app`.
SOURCE_TOOLS = frozenset(
    {"mypy", "dmypy", "flake8", "black", "blue", "isort", "ruff", "pylint", "autoflake",
     "pytest", "py.test", "coverage", "bandit", "pyright", "basedpyright", "pyre", "pytype",
     "vulture", "autopep8", "yapf", "pydocstyle", "pycodestyle", "pyflakes", "pycln",
     "interrogate", "radon", "xenon", "docformatter", "pyupgrade", "prospector", "darglint",
     "refurb", "deptry", "codespell", "ty", "pyrefly"}
)  # fmt: skip
# Programs whose arguments are names or text, never paths: `echo "building app"`, `USER app`.
NAME_PROGRAMS = frozenset(
    {"echo", "printf", "which", "adduser", "addgroup", "useradd", "groupadd", "usermod",
     "createdb", "dropdb", "createuser", "dropuser"}
)  # fmt: skip
# Words put before the program they run: `exec pytest app`, `if mypy app; then`.
PREFIXES = frozenset(
    {"exec", "sudo", "env", "time", "nohup", "then", "do", "else", "if", "elif", "while",
     "until", "!", "uvx", "xargs"}
)  # fmt: skip
RUNNERS = frozenset({"poetry", "uv", "pipenv", "pdm", "hatch", "rye", "pipx"})  # `<x> run mypy`
SHELLS = frozenset({"sh", "bash", "zsh", "dash"})  # `sh -c "mypy app"`
RUNNER_VALUE_OPTIONS = frozenset(
    {"--python", "-p", "--with", "--extra", "--group", "--only-group", "--package",
     "--directory", "--project", "--env-file", "-e", "--env"}
)  # fmt: skip
# Options whose value is a source path or package, in any context: `--cov app`, `--source=app`.
PATH_OPTIONS = frozenset(
    {"--cov", "--source", "--source-pkgs", "--package", "--packages", "--src", "--src-paths",
     "--include", "--omit", "--exclude", "--extend-exclude", "--known-first-party",
     "--known-local-folder", "--application-import-names", "--ignore", "--rootdir", "--files"}
)  # fmt: skip
# ...and, after a source tool only, the short `-p app` (mypy's package, isort's project).
TOOL_PATH_OPTIONS = PATH_OPTIONS | {"-p"}
# Options of the source tools that take no value: the word after one is an argument.
FLAGS = frozenset(
    {"--check", "--check-only", "--diff", "--fix", "--in-place", "-i", "--recursive", "-r",
     "--remove-all-unused-imports", "--remove-unused-variables", "--remove-duplicate-keys",
     "--expand-star-imports", "--ignore-init-module-imports", "--force-single-line-imports",
     "--show-error-codes", "--no-warn-unused-ignores", "--strict", "--quiet", "-q", "--verbose",
     "-v", "-vv", "--show-source", "--statistics", "--count", "--atomic", "--preview",
     "--fast", "--show-fixes", "--no-cache", "--exit-zero", "--pretty", "--install-types",
     "--non-interactive", "--ignore-missing-imports", "--aggressive", "-a", "-x", "-s",
     "--exit-first", "--unsafe-fixes", "--exit-non-zero-on-fix", "--color", "--no-color"}
)  # fmt: skip
# ini/cfg keys whose values list source paths or packages (`[coverage:run] source = app`).
INI_PATH_KEYS = frozenset(
    {"source", "source_pkgs", "include", "omit", "packages", "py_modules", "testpaths",
     "files", "mypy_path", "known_first_party", "known_local_folder", "src", "src_paths",
     "application_import_names", "exclude", "extend_exclude", "pythonpath", "python_paths",
     "where", "modules", "module"}
)  # fmt: skip
PROSE_KEYS = frozenset(
    {"description", "summary", "long_description", "author", "maintainer", "keywords",
     "license", "name", "title", "message"}
)  # fmt: skip
NAME_SECTIONS = frozenset({"project", "tool.poetry", "metadata"})  # `name` = the distribution

_PUNCTUATION = "\"'[](),;&|`\\"
_SEPARATOR = re.compile(r"&&|\|\||[;|`]|\$\((?!\w+\))|(?<![\w$])\(")
_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=")
_PYTHON = re.compile(r"python[\d.]*")
_STRING = re.compile(r""""((?:[^"\\]|\\.)*)"|'([^']*)'""")


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
        lines = text.splitlines(keepends=True)
        new_text = "".join(
            _rewrite_line(line, info, pattern, plan, Finding(path, number, CODE, ""), findings)
            for number, (line, info) in enumerate(
                zip(lines, read_lines(path, lines), strict=True), start=1
            )
        )
        if new_text != text:
            new_path = plan.new_paths.get(path, path)  # a text file of the package moves too
            mode = mode_of(discovery.root / path)
            changes.append(FileChange(path, new_path, data, new_text.encode("utf-8"), mode))
    return changes, findings


def _rewrite_line(
    line: str,
    info: Line,
    pattern: re.Pattern[str],
    plan: MigrationPlan,
    where: Finding,
    findings: list[Finding],
) -> str:
    if info.instruction in ("COPY", "ADD") and not plan.siblings:
        mirrored = _mirror_copy(line, plan.source_package, plan.target_package)
        line, info = mirrored or line, replace(info, mirrored=mirrored is not None)

    def follow(match: re.Match[str]) -> str:
        if match.group() in plan.source_roots:
            return _follow_package(match, info, plan, where, findings)
        new = _follow(match.group(), plan)
        if new is None:
            if match.start() < info.comment:
                message = f"{match.group()!r} names a folder the move dissolves; not rewritten"
                findings.append(replace(where, message=message, unresolved=True))
            return match.group()
        return new

    return pattern.sub(follow, line)


def _follow_package(
    match: re.Match[str], info: Line, plan: MigrationPlan, where: Finding, findings: list[Finding]
) -> str:
    """The package named as a whole: a folder path (`ruff check app/`) becomes the new
    package; a bare name follows, stays or is reported as its context says (`_judge`)."""
    line = match.string
    as_folder = line[match.end() : match.end() + 1] == "/"
    verdict = "rewrite" if as_folder else _judge(match, info)
    if verdict == "rewrite" and not plan.siblings:
        return plan.target_package
    if verdict != "keep":
        message = (
            f"{match.group()!r} may name the package folder, now {plan.target_package}/; check it"
        )
        findings.append(replace(where, message=message, unresolved=True))
    return match.group()


def _follow(reference: str, plan: MigrationPlan) -> str | None:
    """The reference's new spelling; the reference itself if it names nothing we know;
    None if it names something the move dissolves."""
    package, colon, resource = reference.partition(":")
    if colon and package in plan.source_roots:
        # `app:alembic/versions` (a package resource, as Alembic's script_location and
        # version_locations spell it), `app:app` (a module attribute): the folder's new place
        new_location = plan.new_location(f"{package}/{resource}")
        if new_location is None:
            return None
        head, _, rest = new_location.partition("/")
        return f"{head}:{rest}"
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


# --- What a bare mention of the package means where it stands --------------------------------


def _judge(match: re.Match[str], info: Line) -> Verdict:
    line, start, end = match.string, match.start(), match.end()
    if start >= info.comment:
        return "keep"  # a comment is prose
    if info.mirrored or _option_before(line[:start]) in PATH_OPTIONS:
        return "rewrite"
    if info.instruction == "USER":
        return "keep"
    if info.command is not None and start >= info.command:
        token = _token(line, start, end, " \t\n")
        if token != match.group():  # part of a larger word: `X=app`, `user:app`
            return "keep" if _names_a_value(token) else "report"
        return _judge_command(info.lead + line[info.command : start])
    if info.kind in ("toml", "ini") and _is_key(line[end:]):  # `app = ...`, `"app" = ...`
        return "keep" if _names_scripts(info.section) else "report"
    if info.kind == "toml":
        return _judge_toml(line, start, end, info)
    if info.kind == "ini":
        return _judge_ini(line, start, end, info)
    if info.kind == "yaml" and info.key in PROSE_KEYS and " " in line.partition(":")[2].strip():
        return "keep"  # a step's display name: a sentence
    if info.kind == "yaml" and info.key and _names_a_value(f"{info.key}=x"):
        return "keep"  # `POSTGRES_USER: app`, `name: app`: a name, not a path
    return "report"


# Variables and keys whose value may be a path or a module: their value is still reported.
_PATHISH = re.compile(
    r"PATH|DIR|FILE|MODULE|APP|ROOT|PACKAGE|PKG|SRC|SOURCE|HOME|CWD|LOCATION|"
    r"^(?:args|entry|files|exclude|include|paths?|run|command|script|with|context)$",
    re.IGNORECASE,
)
_NAME_VALUE = re.compile(r"(\w+)=")


def _names_a_value(token: str) -> bool:
    """`API_SECRET_KEY="app"`, `POSTGRES_DB=app`, `DATABASE_URL=postgres://app:app@db/app`:
    an environment value that is a name, a password or a URL (the variable says which),
    not the package's folder; `PYTHONPATH=app` or `APP_MODULE=app` may be, and is reported."""
    match = _NAME_VALUE.match(token)
    return match is not None and not _PATHISH.search(match.group(1))


def _judge_command(before: str) -> Verdict:
    """The package as a word of a command line; `before` is the command up to it."""
    segment = _SEPARATOR.split(before)[-1]
    words = [w for w in (w.strip(_PUNCTUATION) for w in segment.split()) if w]
    position, as_module = _program_position(words)
    if position >= len(words):  # the word is the program itself
        return "report" if as_module else "keep"  # `python -m app` / `uv run app`
    program = _program_name(words[position])
    if program in NAME_PROGRAMS:
        return "keep"
    if program not in SOURCE_TOOLS:
        return "report"
    option = _option_before(before) if position < len(words) - 1 else ""
    if not option or "=" in option or option in TOOL_PATH_OPTIONS | FLAGS:
        return "rewrite"
    return "report"  # the value of an option we do not know: `pytest -k app`


def _program_position(words: list[str]) -> tuple[int, bool]:
    """Where the program of a command is, past runners and prefixes (`poetry run`,
    `exec`, `X=1`, `sh -c`), and whether it is run as a module (`python -m`)."""
    i = 0
    while i < len(words):
        name, following = _program_name(words[i]), words[i + 1 : i + 2]
        if _ASSIGNMENT.match(words[i]) or name in PREFIXES:
            i += 1
        elif name == "timeout":
            i += 2
        elif name in RUNNERS and following == ["run"]:
            i = _skip_options(words, i + 2)
        elif name in SHELLS and following == ["-c"]:
            i += 2
        elif _PYTHON.fullmatch(name) and following == ["-m"]:
            if i + 2 >= len(words):
                return i + 2, True
            i += 2
        else:
            return i, False
    return i, False


def _skip_options(words: list[str], i: int) -> int:
    while i < len(words) and words[i].startswith("-"):
        i += 2 if words[i] in RUNNER_VALUE_OPTIONS else 1
    return i


def _program_name(word: str) -> str:
    """`mypy` for `@mypy` (a make recipe), `$(MYPY)`, `.venv/bin/mypy`."""
    name = re.sub(r"^\$[({](\w+)[)}]?$", r"\1", word.lstrip("@+-"))
    return name.rsplit("/", 1)[-1].lower()


def _option_before(before: str) -> str:
    """The option whose value the next word is (`--cov app`, `--cov=app`, `"--cov", "app"`)."""
    text = before.rstrip("\"'")
    text = text[:-1] if text.endswith("=") else text.rstrip("\"', [\t")
    word = re.split(r"[\s\"',\[]", text)[-1]
    return word if word.startswith("-") else ""


def _token(line: str, start: int, end: int, separators: str) -> str:
    """The word around line[start:end], split at `separators`, without quotes or brackets."""
    left = max(line.rfind(c, 0, start) for c in separators) + 1
    rights = [i for i in (line.find(c, end) for c in separators) if i >= 0]
    return line[left : min(rights, default=len(line))].strip(_PUNCTUATION)


def _judge_toml(line: str, start: int, end: int, info: Line) -> Verdict:
    """A value of a toml file; a key is judged before (`_judge`)."""
    string = _string_around(line, start, end)
    if string is None:
        return "report"  # a bare word: not toml's own syntax
    if string != line[start:end]:
        return "keep" if " " in string else "report"  # prose; or `app*`, `app:x`
    if info.key == "name" and info.section in NAME_SECTIONS:
        return "keep"  # the distribution's name
    return "rewrite"


def _judge_ini(line: str, start: int, end: int, info: Line) -> Verdict:
    """A value of an ini/cfg file; a key is judged before (`_judge`)."""
    if info.key in PROSE_KEYS and (info.key != "name" or info.section in NAME_SECTIONS):
        return "keep"
    key = info.key.replace("-", "_")
    if key in INI_PATH_KEYS and _token(line, start, end, " \t\n,=") == line[start:end]:
        return "rewrite"
    return "report"


def _string_around(line: str, start: int, end: int) -> str | None:
    for match in _STRING.finditer(line):
        if match.start() < start and end < match.end():
            return match.group(1) if match.group(1) is not None else match.group(2)
    return None


def _is_key(rest: str) -> bool:
    return re.match(r"[\"']?\s*=", rest) is not None


def _names_scripts(section: str) -> bool:
    """Sections whose keys name console scripts and plugins, not packages."""
    return section in ("project.scripts", "project.gui-scripts", "tool.poetry.scripts") or (
        section.startswith(("project.entry-points", "tool.poetry.plugins", "options.entry_points"))
    )


def _mirror_copy(line: str, package: str, target: str) -> str | None:
    """`COPY ./app /code/app` with the destination renamed (`/code/src`) when it is a folder
    named like the package inside another one; None otherwise (`COPY ./app /app`)."""
    words = [w for w in line.split()[1:] if not w.startswith("--")]
    if len(words) != 2 or words[0].rstrip("/").removeprefix("./") != package:
        return None
    destination = words[1]
    head, slash, last = destination.rstrip("/").rpartition("/")
    if last != package or (slash and not head):
        return None
    renamed = head + slash + target + destination[len(head + slash + last) :]
    at = line.rindex(destination)
    return line[:at] + renamed + line[at + len(destination) :]
