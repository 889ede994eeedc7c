from __future__ import annotations

import configparser

from forgeapi_migrate.alembic_config import FILE_TEMPLATE, with_file_template

INI = b"# top comment\n[alembic]\n# where\nscript_location = alembic\nprepend_sys_path = .\n\n[loggers]\nkeys = root\n"


def test_added_after_script_location_everything_else_kept() -> None:
    out = with_file_template(INI)
    assert out == INI.replace(
        b"script_location = alembic\n",
        b"script_location = alembic\nfile_template = " + FILE_TEMPLATE.encode() + b"\n",
    )
    parser = configparser.ConfigParser()
    parser.read_string(out.decode())
    assert parser.get("alembic", "file_template") == "%(year)d-%(month).2d-%(day).2d_%(slug)s"


def test_existing_value_replaced_in_place_and_idempotent() -> None:
    ini = b"[alembic]\r\nfile_template = %%(rev)s_%%(slug)s\r\nscript_location = x\r\n"
    out = with_file_template(ini)
    assert (
        out
        == b"[alembic]\r\nfile_template = "
        + FILE_TEMPLATE.encode()
        + b"\r\nscript_location = x\r\n"
    )
    assert with_file_template(out) == out


def test_not_an_alembic_ini() -> None:
    assert with_file_template(b"[tool]\nx = 1\n") == b"[tool]\nx = 1\n"
