"""alembic.ini gets the date-slug `file_template` of the domain-first convention.

New revision files are then named `2026-11-25_add_post_content_idx.py`; existing revisions are
never renamed. Edited as text, line by line, on purpose: configparser (which Alembic itself
uses to read the file) would drop every comment and reorder nothing back when writing, and
Alembic has no API that writes its ini file. Every other line, comment and their order stay.
configupdater would keep them too, but it is a dependency for one key set in one section.
"""

from __future__ import annotations

import re
from pathlib import Path

from forgeapi_migrate.changeset import FileChange, mode_of

FILE_TEMPLATE = "%%(year)d-%%(month).2d-%%(day).2d_%%(slug)s"
_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")
_KEY = re.compile(r"^(?P<key>[A-Za-z_.]+)\s*=")


def with_file_template(data: bytes) -> bytes:
    """The ini's bytes with `file_template` set in `[alembic]` (unchanged if already so)."""
    lines = data.decode("utf-8").splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    setting = f"file_template = {FILE_TEMPLATE}{newline}"
    section, insert_at = None, None
    for index, line in enumerate(lines):
        header = _SECTION.match(line)
        if header:
            if section == "alembic":
                break
            section = header.group("name").strip()
            if section == "alembic":
                insert_at = index + 1
            continue
        key = _KEY.match(line)
        if section != "alembic" or key is None:
            continue
        if key.group("key") == "file_template":
            lines[index] = setting
            return "".join(lines).encode("utf-8")
        if key.group("key") == "script_location":
            insert_at = index + 1
    if insert_at is None:
        return data  # no [alembic] section: not an Alembic config we understand
    lines.insert(insert_at, setting)
    return "".join(lines).encode("utf-8")


def alembic_ini_change(root: Path, ini: str | None, edited: FileChange | None) -> FileChange | None:
    """The change to `alembic.ini` (on top of an edit `references.py` made, if any)."""
    if ini is None:
        return None
    original = (root / ini).read_bytes()
    current = edited.new_bytes if edited is not None else original
    try:
        new = with_file_template(current)
    except UnicodeDecodeError:
        return edited
    if new == original:
        return None
    return FileChange(ini, ini, original, new, mode_of(root / ini))
