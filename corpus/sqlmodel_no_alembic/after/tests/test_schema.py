"""The schema comes from SQLModel.metadata.create_all (there are no migrations).

Constraints are checked by their columns only, never by name: the database does not
care what they are called and a naming convention may be added later.
"""

from fastapi.testclient import TestClient
from sqlalchemy import Engine, Table, UniqueConstraint, create_engine, inspect
from sqlalchemy.pool import StaticPool
from sqlmodel import SQLModel

from src.main import app
from src.heroes.models import Hero, HeroMissionLink
from src.missions.models import Mission
from src.teams.models import Team

EXPECTED_TABLES = {"hero", "team", "mission", "heromissionlink"}


def primary_key_columns(table: Table) -> set[str]:
    return {column.name for column in table.primary_key.columns}


def foreign_keys(table: Table) -> set[tuple[str, str]]:
    return {(fk.parent.name, fk.target_fullname) for fk in table.foreign_keys}


def unique_column_sets(table: Table) -> set[frozenset[str]]:
    """Column sets that are unique, via a UNIQUE constraint or a unique index."""
    sets = {
        frozenset(column.name for column in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    }
    sets |= {
        frozenset(column.name for column in index.columns)
        for index in table.indexes
        if index.unique
    }
    return sets


def test_every_table_is_registered() -> None:
    assert EXPECTED_TABLES <= set(SQLModel.metadata.tables)
    assert {Hero.__table__, Team.__table__, Mission.__table__, HeroMissionLink.__table__} == {
        SQLModel.metadata.tables[name] for name in EXPECTED_TABLES
    }


def test_primary_keys() -> None:
    tables = SQLModel.metadata.tables
    assert primary_key_columns(tables["hero"]) == {"id"}
    assert primary_key_columns(tables["team"]) == {"id"}
    assert primary_key_columns(tables["mission"]) == {"id"}
    assert primary_key_columns(tables["heromissionlink"]) == {"hero_id", "mission_id"}


def test_foreign_keys() -> None:
    tables = SQLModel.metadata.tables
    assert foreign_keys(tables["hero"]) == {("team_id", "team.id")}
    assert foreign_keys(tables["heromissionlink"]) == {
        ("hero_id", "hero.id"),
        ("mission_id", "mission.id"),
    }
    assert foreign_keys(tables["team"]) == set()
    assert foreign_keys(tables["mission"]) == set()
    ondelete = {fk.parent.name: fk.ondelete for fk in tables["heromissionlink"].foreign_keys}
    assert ondelete == {"hero_id": "CASCADE", "mission_id": "CASCADE"}


def test_unique_columns() -> None:
    tables = SQLModel.metadata.tables
    assert frozenset({"name"}) in unique_column_sets(tables["hero"])
    assert frozenset({"name"}) in unique_column_sets(tables["team"])
    assert frozenset({"code"}) in unique_column_sets(tables["mission"])


def test_created_database_matches_metadata(engine: Engine) -> None:
    inspector = inspect(engine)
    assert EXPECTED_TABLES <= set(inspector.get_table_names())
    hero_fks = {
        (tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]))
        for fk in inspector.get_foreign_keys("hero")
    }
    assert hero_fks == {(("team_id",), "team", ("id",))}
    unique_team_columns = [uc["column_names"] for uc in inspector.get_unique_constraints("team")]
    assert ["name"] in unique_team_columns


def test_lifespan_creates_tables(monkeypatch) -> None:
    # A brand-new database with no tables: starting the app must create them.
    fresh = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    monkeypatch.setattr("src.database.engine", fresh)
    assert inspect(fresh).get_table_names() == []
    with TestClient(app) as client:
        assert client.get("/health").json() == {"status": "ok"}
    assert EXPECTED_TABLES <= set(inspect(fresh).get_table_names())
    fresh.dispose()
