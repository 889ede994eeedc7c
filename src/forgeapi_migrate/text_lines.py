"""How to read each line of a non-Python text file (Dockerfile, compose/CI yaml, Makefile,
Procfile, toml, ini/cfg, shell script): `(path, list[str])` in (the file's lines with their
ends), `list[Line]` out, one `Line` a line.

A `Line` says where a comment starts, where a command starts (and the earlier lines of a
command continued with a backslash), the [section] and key whose value the line holds, and
the Dockerfile instruction. It reads; it decides nothing: `references.py` judges what a
mention of the package means from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Literal

LineKind = Literal["other", "shell", "make", "procfile", "docker", "yaml", "toml", "ini", "doc"]

COMMAND_KEYS = frozenset(
    {"run", "command", "entrypoint", "script", "before_script", "after_script", "entry"}
)  # fmt: skip
INI_COMMAND_KEYS = frozenset({"commands", "commands_pre", "commands_post"})
DOCKER_COMMANDS = frozenset({"RUN", "CMD", "ENTRYPOINT"})

_NO_COMMENT = 1 << 30
_SECTION = re.compile(r"\s*\[\[?\s*([^\]]+?)\s*\]")
_TOML_KEY = re.compile(r"\s*([\w.\"'-]+)\s*=")
_INI_KEY = re.compile(r"([^\s=:#;\[][^=:]*?)\s*[=:]")
_YAML_KEY = re.compile(r"(\s*(?:-\s+)?)([\w.-]+):(?:\s+|$)")
_DOCKER_INSTRUCTION = re.compile(r"\s*([A-Za-z]+)\s+")
_PROCFILE_KEY = re.compile(r"[\w-]+:\s*")


@dataclass(frozen=True)
class Line:
    """What a line of a text file is, as far as a bare mention of the package goes."""

    kind: LineKind
    comment: int = _NO_COMMENT  # where a comment starts on the line (past the end: none)
    command: int | None = None  # where a command starts (None: not a command line)
    lead: str = ""  # the command's earlier lines, when continued with a backslash
    section: str = ""  # the [section] of a toml/ini file
    key: str = ""  # the key whose value the line holds (toml/ini/yaml)
    instruction: str = ""  # the Dockerfile instruction (RUN, COPY, USER...)
    mirrored: bool = False  # a Dockerfile COPY into a folder named like the package (set by
    # references.py, which renames that folder; never by a reader)


def read_lines(path: str, lines: list[str]) -> list[Line]:
    """One `Line` for each of `lines`, read as the file's name or suffix says."""
    name = PurePosixPath(path).name
    if name.startswith("Dockerfile."):  # `Dockerfile.prod`
        return _docker_lines(lines)
    suffix = PurePosixPath(name).suffix.lower()
    reader = _READERS_BY_NAME.get(name) or _READERS_BY_SUFFIX.get(suffix)
    return (reader or _plain_lines)(lines)


def _comment_start(line: str, markers: str = "#") -> int:
    """Where a comment starts: a line whose first non-blank is a marker, or an unquoted ` #`."""
    stripped = line.lstrip()
    if stripped[:1] and stripped[0] in markers:
        return len(line) - len(stripped)
    quote = ""
    for i, char in enumerate(line):
        if char in "\"'" and quote in ("", char):
            quote = "" if quote else char
        elif char == "#" and not quote and i and line[i - 1] in " \t":
            return i
    return _NO_COMMENT


def _command_line(
    line: str, start: int, lead: str | None, kind: LineKind
) -> tuple[Line, str | None]:
    """The line as (part of) a command from `start`, and the lead of the next line when
    this one ends with a backslash."""
    comment = _comment_start(line)
    info = Line(kind, comment, start, lead or "")
    body = line[start : min(comment, len(line))].rstrip()
    if body.endswith("\\"):
        return info, (lead or "") + body[:-1] + " "
    return info, None


def _plain_lines(lines: list[str]) -> list[Line]:
    return [Line("other", _comment_start(line)) for line in lines]


def _shell_lines(lines: list[str]) -> list[Line]:
    result: list[Line] = []
    lead: str | None = None
    for line in lines:
        info, lead = _command_line(line, 0, lead, "shell")
        result.append(info)
    return result


def _make_lines(lines: list[str]) -> list[Line]:
    """Recipe lines (a tab first) are shell commands; the rest are rules and variables."""
    result: list[Line] = []
    lead: str | None = None
    for line in lines:
        if line.startswith("\t") or lead is not None:
            info, lead = _command_line(line, 0, lead, "make")
        else:
            info = Line("make", _comment_start(line))
        result.append(info)
    return result


def _procfile_lines(lines: list[str]) -> list[Line]:
    result: list[Line] = []
    for line in lines:
        match = _PROCFILE_KEY.match(line)
        result.append(_command_line(line, match.end() if match else 0, None, "procfile")[0])
    return result


def _docker_lines(lines: list[str]) -> list[Line]:
    result: list[Line] = []
    lead: str | None = None
    instruction = ""
    for line in lines:
        start = 0
        if lead is None:
            match = _DOCKER_INSTRUCTION.match(line)
            instruction = match.group(1).upper() if match else ""
            start = match.end() if match else 0
        if instruction in DOCKER_COMMANDS:
            info, lead = _command_line(line, start, lead, "docker")
        else:
            info = Line("docker", _comment_start(line))
            lead = "" if line[: info.comment].rstrip().endswith("\\") else None
        result.append(replace(info, instruction=instruction))
    return result


def _yaml_lines(lines: list[str]) -> list[Line]:
    """`run:`/`command:`/`script:` values, block scalars and list items are commands."""
    result: list[Line] = []
    block: int | None = None  # the column of the command key whose block we are in
    lead: str | None = None
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        item = stripped.startswith("- ")
        if block is not None and stripped and lead is None:
            block = block if indent > block or (indent == block and item) else None
        if block is not None:
            start = indent + (len(stripped) - len(stripped[1:].lstrip()) if item else 0)
            info, lead = _command_line(line, start, lead, "yaml")
        else:
            info, block, lead = _yaml_key_line(line)
        result.append(info)
    return result


def _yaml_key_line(line: str) -> tuple[Line, int | None, str | None]:
    """A line outside command blocks: its key, and the command block it opens if any."""
    match = _YAML_KEY.match(line)
    key = match.group(2) if match else ""
    keyed = Line("yaml", _comment_start(line), key=key)
    if match is None or key not in COMMAND_KEYS:
        return keyed, None, None
    value = line[match.end() :].strip()
    if value[:1] in ("", "|", ">", "#"):
        return keyed, len(match.group(1)), None
    info, lead = _command_line(line, match.end(), None, "yaml")
    return replace(info, key=key), None, lead


def _toml_lines(lines: list[str]) -> list[Line]:
    result: list[Line] = []
    section = key = ""
    for line in lines:
        if match := _SECTION.match(line):
            section, key = re.sub(r"[\"'\s]", "", match.group(1)), ""
        elif match := _TOML_KEY.match(line):
            key = match.group(1).strip("\"'")
        result.append(Line("toml", _comment_start(line), section=section, key=key))
    return result


def _ini_lines(lines: list[str]) -> list[Line]:
    """Keys at the line start; indented lines continue the last key's value. tox's
    `commands` and pytest's `addopts` are read as commands."""
    result: list[Line] = []
    section = key = ""
    for line in lines:
        start = 0
        if match := _SECTION.match(line):
            section, key = match.group(1).strip(), ""
        elif (match := _INI_KEY.match(line)) and line[:1] not in " \t#;":
            key, start = match.group(1).strip().lower(), match.end()
        info = Line("ini", _comment_start(line, "#;"), section=section, key=key)
        if key in INI_COMMAND_KEYS or key == "addopts":
            command, _ = _command_line(line, start, "pytest " if key == "addopts" else "", "ini")
            info = replace(command, kind="ini", comment=info.comment, section=section, key=key)
        result.append(info)
    return result


_FENCE = re.compile(r"\s*(```|~~~)\s*([\w+-]*)")
_SHELL_FENCES = frozenset({"", "sh", "bash", "shell", "console", "zsh", "shell-session"})
_PROMPT = re.compile(r"\s*(?:\$|>>>|%)\s+")


def _doc_lines(lines: list[str]) -> list[Line]:
    """Markdown (and reStructuredText's `::` blocks): prose everywhere, where a module path
    (`app.main:app`) still follows but a bare word is never a reference; inside a shell code
    block, each line (past a `$ ` prompt) is a command, read as in a script."""
    result: list[Line] = []
    fence: str | None = None  # the open fence's info string (None: outside a block)
    lead: str | None = None
    for line in lines:
        opened = _FENCE.match(line)
        if opened is not None:
            fence = None if fence is not None else opened.group(2).lower()
            result.append(Line("doc", 0))
        elif fence in _SHELL_FENCES:
            prompt = _PROMPT.match(line)
            info, lead = _command_line(line, prompt.end() if prompt else 0, lead, "doc")
            result.append(info)
        else:
            result.append(Line("doc", 0))
    return result


_Reader = Callable[[list[str]], list[Line]]
_READERS_BY_NAME: dict[str, _Reader] = {
    "Makefile": _make_lines,
    "Dockerfile": _docker_lines,
    "Containerfile": _docker_lines,
    "Procfile": _procfile_lines,
    ".coveragerc": _ini_lines,
    ".flake8": _ini_lines,
    ".pylintrc": _ini_lines,
}
_READERS_BY_SUFFIX: dict[str, _Reader] = {
    ".mk": _make_lines,
    ".dockerfile": _docker_lines,
    ".sh": _shell_lines,
    ".yml": _yaml_lines,
    ".yaml": _yaml_lines,
    ".toml": _toml_lines,
    ".ini": _ini_lines,
    ".cfg": _ini_lines,
    ".md": _doc_lines,
    ".rst": _doc_lines,
}
