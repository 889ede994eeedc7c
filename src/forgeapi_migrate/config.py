"""User overrides from `[tool.forgeapi-migrate]` in the target's pyproject.toml.

[tool.forgeapi-migrate]
source = "app"             # the layered package (default: discovered)
target = "src"             # the domain-first package to create
exclude = ["app/legacy/*"] # files left exactly where and as they are
max_file_size = 2097152    # bytes; a bigger Python file is refused before parsing (0: no limit)
[tool.forgeapi-migrate.domains]
crud_user = "accounts"                 # a leaf name (or its domain) -> domain
"app/api/routes/login.py" = "auth"     # a file -> domain
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from forgeapi_migrate.errors import MigrationError

TOOL_KEY = "forgeapi-migrate"
AliasStyle = Literal["singular", "plural"]
DEFAULT_TARGET = "src"
# A generated 5 MB module took minutes and gigabytes to parse and transform (issue 17, point 8).
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024


@dataclass(frozen=True)
class Config:
    source: str | None = None
    target: str = DEFAULT_TARGET
    exclude: tuple[str, ...] = ()
    domains: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    alias_style: AliasStyle = "singular"
    naming_convention: bool | None = None  # None: on unless the project has Alembic revisions
    # Single-file layers: "app/models.py:Message" -> "users" (or "" for the shared module).
    symbols: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; 0: no limit


def load_config(root: Path) -> Config:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return Config()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MigrationError(f"cannot read pyproject.toml: {exc}", path="pyproject.toml") from exc
    section = data.get("tool", {}).get(TOOL_KEY, {})
    return _config_from_table(section)


def _config_from_table(section: dict[str, Any]) -> Config:
    where = f"pyproject.toml [tool.{TOOL_KEY}]"
    known = {
        "source", "target", "exclude", "domains", "alias_style", "naming_convention", "symbols",
        "max_file_size",
    }  # fmt: skip
    unknown = set(section) - known
    if unknown:
        raise MigrationError(f"unknown key(s) {sorted(unknown)} in {where}", path="pyproject.toml")
    source = section.get("source")
    target = section.get("target", DEFAULT_TARGET)
    exclude = section.get("exclude", [])
    domains = section.get("domains", {})
    if source is not None and not _is_identifier_path(source):
        raise MigrationError(
            f"source must be a package name, got {source!r}", path="pyproject.toml"
        )
    if not isinstance(target, str) or not target.isidentifier():
        raise MigrationError(
            f"target must be a package name, got {target!r}", path="pyproject.toml"
        )
    if not isinstance(exclude, list) or not all(isinstance(p, str) for p in exclude):
        raise MigrationError("exclude must be a list of glob strings", path="pyproject.toml")
    if not isinstance(domains, dict) or not all(
        isinstance(v, str) and v.isidentifier() for v in domains.values()
    ):
        raise MigrationError("domains must map names to domain identifiers", path="pyproject.toml")
    alias_style = section.get("alias_style", "singular")
    if alias_style not in ("singular", "plural"):
        raise MigrationError('alias_style must be "singular" or "plural"', path="pyproject.toml")
    naming_convention = section.get("naming_convention")
    if naming_convention is not None and not isinstance(naming_convention, bool):
        raise MigrationError("naming_convention must be true or false", path="pyproject.toml")
    symbols = section.get("symbols", {})
    if not isinstance(symbols, dict) or not all(
        isinstance(k, str) and ":" in k and isinstance(v, str) and (v == "" or v.isidentifier())
        for k, v in symbols.items()
    ):
        raise MigrationError(
            'symbols must map "path.py:Name" to a domain identifier (or "" for shared)',
            path="pyproject.toml",
        )
    max_file_size = section.get("max_file_size", DEFAULT_MAX_FILE_SIZE)
    if isinstance(max_file_size, bool) or not isinstance(max_file_size, int) or max_file_size < 0:
        raise MigrationError(
            "max_file_size must be a number of bytes (0: no limit)", path="pyproject.toml"
        )
    return Config(
        source, target, tuple(exclude), MappingProxyType(dict(domains)), alias_style,
        naming_convention, MappingProxyType(dict(symbols)), max_file_size,
    )  # fmt: skip


def _is_identifier_path(value: object) -> bool:
    return isinstance(value, str) and all(part.isidentifier() for part in value.split("/"))
