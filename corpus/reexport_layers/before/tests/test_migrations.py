from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app import models
from app.db.base_class import Base

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def alembic_config(tmp_path, monkeypatch) -> tuple[Config, str]:
    # The migration environment reads DATABASE_URL before falling back to the ini file.
    database_url = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.chdir(PROJECT_ROOT)
    return Config(str(PROJECT_ROOT / "alembic.ini")), database_url


def test_upgrade_head_creates_tables(alembic_config) -> None:
    config, database_url = alembic_config
    command.upgrade(config, "head")

    engine = create_engine(database_url)
    inspector = inspect(engine)
    expected = {"users", "recipes", "tags", "recipe_tags", "alembic_version"}
    assert expected <= set(inspector.get_table_names())
    link_targets = {fk["referred_table"] for fk in inspector.get_foreign_keys("recipe_tags")}
    assert link_targets == {"recipes", "tags"}
    engine.dispose()


def test_migrations_match_models(alembic_config) -> None:
    config, database_url = alembic_config
    command.upgrade(config, "head")

    engine = create_engine(database_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    tables = {models.User.__tablename__, models.Recipe.__tablename__, models.Tag.__tablename__}
    assert tables | {models.recipe_tags.name} == set(Base.metadata.tables)
    assert diff == []


def test_downgrade_base_drops_tables(alembic_config) -> None:
    config, database_url = alembic_config
    command.upgrade(config, "head")
    command.downgrade(config, "base")

    engine = create_engine(database_url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()
