from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app.db.base import Base
from app.models import Note, User

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def alembic_config(tmp_path, monkeypatch) -> tuple[Config, str]:
    # app/alembic/env.py reads DATABASE_URL before falling back to alembic.ini.
    database_url = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.chdir(PROJECT_ROOT)
    return Config(str(PROJECT_ROOT / "alembic.ini")), database_url


def test_script_location_inside_package(alembic_config) -> None:
    config, _ = alembic_config
    assert config.get_main_option("script_location") == "app/alembic"
    assert (PROJECT_ROOT / "app" / "alembic" / "env.py").is_file()


def test_upgrade_head_creates_tables(alembic_config) -> None:
    config, database_url = alembic_config
    command.upgrade(config, "head")

    engine = create_engine(database_url)
    inspector = inspect(engine)
    assert {"users", "notes", "alembic_version"} <= set(inspector.get_table_names())
    note_columns = {column["name"] for column in inspector.get_columns("notes")}
    assert {"id", "title", "body", "is_pinned", "owner_id"} <= note_columns
    assert inspector.get_foreign_keys("notes")[0]["referred_table"] == "users"
    assert inspector.get_unique_constraints("users")[0]["column_names"] == ["email"]
    engine.dispose()


def test_migrations_match_models(alembic_config) -> None:
    config, database_url = alembic_config
    command.upgrade(config, "head")

    engine = create_engine(database_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert {User.__tablename__, Note.__tablename__} <= set(Base.metadata.tables)
    assert diff == []


def test_downgrade_base_drops_tables(alembic_config) -> None:
    config, database_url = alembic_config
    command.upgrade(config, "head")
    command.downgrade(config, "base")

    engine = create_engine(database_url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()
