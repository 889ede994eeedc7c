"""`--init-alembic`: an Alembic setup for a SQLAlchemy project that has none.

Alembic's own `init` command renders its "generic" template into a temporary folder (nothing
of the project is imported or run); the files come back as creations in the change set, so
the dry-run diff shows them like any other change. On top of the template: the date-slug
`file_template`, an `env.py` whose `target_metadata` is the application's metadata with every
model module imported, and the database URL of the application's own engine.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from forgeapi_migrate.alembic_config import with_file_template
from forgeapi_migrate.changeset import FileChange
from forgeapi_migrate.discover import Discovery
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.orm import OrmFacts, find_orm_facts
from forgeapi_migrate.plan import MigrationPlan

FOLDER = "alembic"
_TEMPLATE_METADATA = "target_metadata = None\n"
_TEMPLATE_CONFIG = "config = context.config\n"


def scaffold(discovery: Discovery, plan: MigrationPlan) -> list[FileChange]:
    """The new files (none if the project already has an alembic.ini)."""
    if discovery.alembic_ini is not None:
        return []
    facts = find_orm_facts(discovery.roots, discovery.sources, detailed=True)
    if not facts.sqlalchemy:
        raise MigrationError(f"--init-alembic: {facts.why_no_alembic}", path=discovery.package)
    if (discovery.root / FOLDER).exists():
        raise MigrationError(
            f"--init-alembic: {FOLDER}/ exists but there is no alembic.ini; move it away first",
            path=FOLDER,
        )
    files = _render_generic_template()
    files["alembic.ini"] = with_file_template(files["alembic.ini"])
    files[f"{FOLDER}/env.py"] = _env_py(files[f"{FOLDER}/env.py"], facts, plan)
    if facts.sqlmodel:  # autogenerate writes sqlmodel column types into revisions
        mako = files[f"{FOLDER}/script.py.mako"].decode("utf-8")
        mako = mako.replace(
            "import sqlalchemy as sa\n", "import sqlalchemy as sa\nimport sqlmodel\n"
        )
        files[f"{FOLDER}/script.py.mako"] = mako.encode("utf-8")
    files[f"{FOLDER}/versions/.gitkeep"] = b""  # git keeps no empty folder; Alembic needs it
    return [FileChange(None, path, b"", data) for path, data in sorted(files.items())]


def _render_generic_template() -> dict[str, bytes]:
    from alembic import command  # imported here: only this option needs Alembic
    from alembic.config import Config

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = Config(str(root / "alembic.ini"), stdout=io.StringIO())
        with contextlib.redirect_stdout(io.StringIO()):  # its progress lines; stdout is the diff
            command.init(config, str(root / FOLDER), template="generic")
        files = {
            path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        }
    # the template writes the folder's absolute (temporary) path; the project's is relative
    absolute = f"script_location = {root / FOLDER}".encode()
    relative = f"script_location = %(here)s/{FOLDER}".encode()
    files["alembic.ini"] = files["alembic.ini"].replace(absolute, relative)
    return files


def _env_py(data: bytes, facts: OrmFacts, plan: MigrationPlan) -> bytes:
    text = data.decode("utf-8")
    if _TEMPLATE_METADATA not in text or _TEMPLATE_CONFIG not in text:
        raise MigrationError("--init-alembic: Alembic's generic env.py template has changed")
    lines = ["# The application's metadata; every model module is imported so its tables register."]
    if facts.sqlmodel:
        lines.append("from sqlmodel import SQLModel  # noqa: E402")
        metadata = "SQLModel.metadata"
    elif facts.base is not None:
        module, _, name = _new(facts.base, plan).partition(":")
        lines.append(f"from {module} import {name}  # noqa: E402")
        metadata = f"{name}.metadata"
    else:
        raise MigrationError(
            "--init-alembic: no declarative base found (`class Base(DeclarativeBase)` or "
            "`Base = declarative_base()`)",
            path=plan.source_package,
        )
    lines += [f"import {_new(m, plan)}  # noqa: E402, F401" for m in facts.model_modules]
    lines.append(f"target_metadata = {metadata}\n")
    text = text.replace(_TEMPLATE_METADATA, "\n".join(lines))
    if facts.engine is not None:
        module, _, name = _new(facts.engine, plan).partition(":")
        url = (
            "# The database the application itself uses (its settings read the environment).\n"
            f"from {module} import {name} as app_engine  # noqa: E402\n\n"
            'config.set_main_option(\n    "sqlalchemy.url", '
            'app_engine.url.render_as_string(hide_password=False).replace("%", "%%")\n)\n'
        )
        text = text.replace(_TEMPLATE_CONFIG, _TEMPLATE_CONFIG + "\n" + url, 1)
    return text.encode("utf-8")


def _new(reference: str, plan: MigrationPlan) -> str:
    """`app.db.base:Base` -> `src.models:Base` (the module's name after the move)."""
    module, colon, name = reference.partition(":")
    return f"{plan.module_map.get(module) or module}{colon}{name}"
