"""Write a synthetic, layer-organized FastAPI project of any size, for benchmarking.

The project looks like a real service grown over time: one package `app` with the usual
layers (`api/routes`, `crud`, `models`, `schemas`, `core`, `db`), one domain per layer file,
SQLAlchemy 2.0 models chained by foreign keys, pydantic v2 schemas, and a pytest suite
that runs against in-memory SQLite. Each domain `i` is named `d{i:04d}s` (plural) and
`d{i:04d}` (singular), so the migration tool groups `routes/d0001s.py`, `crud/crud_d0001.py`,
`models/d0001.py` and `schemas/d0001.py` into one domain folder `src/d0001s/`.

    python benchmarks/generate.py OUT --domains 200
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROUTER_IMPORTS_PER_LINE = 20
EMPTY_PACKAGES = (
    "app",
    "app/api",
    "app/api/routes",
    "app/core",
    "app/crud",
    "app/db",
    "app/models",
    "app/schemas",
    "tests",
)


@dataclass(frozen=True)
class Domain:
    """The names one domain uses across its layers."""

    index: int
    name: str = ""  # a chosen singular name instead of `d0001` (tests: `route`, `model`)

    @property
    def singular(self) -> str:
        return self.name or f"d{self.index:04d}"

    @property
    def plural(self) -> str:
        return self.singular + "s"

    @property
    def cls(self) -> str:
        return self.singular.capitalize()

    @property
    def previous(self) -> Domain | None:
        return Domain(self.index - 1, NAMES.get(self.index - 1, "")) if self.index > 1 else None


NAMES: dict[int, str] = {}  # index -> chosen name, set by `generate(..., names=...)`


def generate(root: Path, domains: int, names: tuple[str, ...] = ()) -> int:
    """Write the project under `root` (created if missing) and return how many files it has.
    `names`: singular names for the first domains instead of `d0001`, ..."""
    if domains < 1:
        raise ValueError("a project needs at least one domain")
    NAMES.clear()
    NAMES.update(enumerate(names, start=1))
    files = dict(project_files(domains))
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)


def project_files(domains: int) -> Iterator[tuple[str, str]]:
    """Every file of the project as (relative POSIX path, content)."""
    all_domains = [Domain(i, NAMES.get(i, "")) for i in range(1, domains + 1)]
    for package in EMPTY_PACKAGES:
        yield f"{package}/__init__.py", ""
    yield "pyproject.toml", pyproject()
    yield "app/main.py", main_module(all_domains)
    yield "app/core/config.py", config_module()
    yield "app/db/session.py", session_module()
    yield "app/api/deps.py", deps_module()
    yield "tests/conftest.py", conftest_module()
    for domain in all_domains:
        yield from domain_files(domain)


def domain_files(domain: Domain) -> Iterator[tuple[str, str]]:
    """The five files of one domain: route, crud, model, schema and test modules."""
    yield f"app/api/routes/{domain.plural}.py", routes_module(domain)
    yield f"app/crud/crud_{domain.singular}.py", crud_module(domain)
    yield f"app/models/{domain.singular}.py", model_module(domain)
    yield f"app/schemas/{domain.singular}.py", schema_module(domain)
    yield f"tests/test_{domain.plural}.py", test_module(domain)


def pyproject() -> str:
    return """\
[project]
name = "bench-service"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["fastapi", "pydantic>=2", "pydantic-settings", "sqlalchemy>=2", "httpx"]

[tool.pytest.ini_options]
pythonpath = ["."]
testpaths = ["tests"]
"""


def main_module(domains: list[Domain]) -> str:
    """The app: one `from app.api.routes import ...` line per batch of routers."""
    names = [d.plural for d in domains]
    batches = [
        names[i : i + ROUTER_IMPORTS_PER_LINE]
        for i in range(0, len(names), ROUTER_IMPORTS_PER_LINE)
    ]
    imports = "".join(f"from app.api.routes import {', '.join(b)}\n" for b in batches)
    includes = "".join(f"app.include_router({name}.router)\n" for name in names)
    return f"""\
from fastapi import FastAPI

{imports}from app.core.config import settings

app = FastAPI(title=settings.PROJECT_NAME)

{includes}"""


def config_module() -> str:
    return """\
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BENCH_")

    PROJECT_NAME: str = "Benchmark service"
    DATABASE_URL: str = "sqlite:///./bench.sqlite3"


settings = Settings()
"""


def session_module() -> str:
    return """\
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

from app.core.config import settings

engine = create_engine(settings.DATABASE_URL, connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass
"""


def deps_module() -> str:
    return """\
from collections.abc import Generator

from sqlalchemy.orm import Session

from app.db.session import SessionLocal


def get_db() -> Generator[Session, None, None]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
"""


def conftest_module() -> str:
    return """\
from collections.abc import Generator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from app.api.deps import get_db
from app.db.session import Base
from app.main import app


@pytest.fixture
def engine() -> Generator[Engine, None, None]:
    # One shared in-memory connection, so every session sees the same tables.
    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> Generator[Session, None, None]:
    with session_factory() as session:
        yield session


@pytest.fixture
def client(session_factory: sessionmaker[Session]) -> Generator[TestClient, None, None]:
    def override_get_db() -> Generator[Session, None, None]:
        with session_factory() as session:
            yield session

    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()
"""


def routes_module(d: Domain) -> str:
    """Two endpoints; the crud layer is imported as a module (`from app.crud import crud_x`)."""
    s, c = d.singular, d.cls
    return f"""\
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from app.api.deps import get_db
from app.crud import crud_{s}
from app.schemas.{s} import {c}Create, {c}Public

router = APIRouter(prefix="/{d.plural}", tags=["{d.plural}"])


@router.post("/", response_model={c}Public, status_code=status.HTTP_201_CREATED)
def create_{s}(data: {c}Create, db: Annotated[Session, Depends(get_db)]) -> Any:
    try:
        return crud_{s}.create_{s}(db, data)
    except ValueError as exc:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail=str(exc)) from exc


@router.get("/{{{s}_id}}", response_model={c}Public)
def read_{s}({s}_id: int, db: Annotated[Session, Depends(get_db)]) -> Any:
    obj = crud_{s}.get_{s}(db, {s}_id)
    if obj is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="{c} not found")
    return obj
"""


def crud_module(d: Domain) -> str:
    """get / list / create; from the second domain on, create checks the parent row exists."""
    s, c, prev = d.singular, d.cls, d.previous
    parent_import = f"from app.models.{prev.singular} import {prev.cls}\n" if prev else ""
    parent_check = (
        f"""\
    if data.{prev.singular}_id is not None and db.get({prev.cls}, data.{prev.singular}_id) is None:
        raise ValueError(f"{prev.singular} {{data.{prev.singular}_id}} does not exist")
"""
        if prev
        else ""
    )
    return f"""\
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

{parent_import}from app.models.{s} import {c}
from app.schemas.{s} import {c}Create


def get_{s}(db: Session, {s}_id: int) -> {c} | None:
    return db.get({c}, {s}_id)


def list_{d.plural}(db: Session, *, skip: int = 0, limit: int = 100) -> Sequence[{c}]:
    return db.scalars(select({c}).order_by({c}.id).offset(skip).limit(limit)).all()


def create_{s}(db: Session, data: {c}Create) -> {c}:
{parent_check}    obj = {c}(**data.model_dump())
    db.add(obj)
    db.commit()
    db.refresh(obj)
    return obj
"""


def model_module(d: Domain) -> str:
    """One table; from the second domain on, a nullable foreign key to the previous table."""
    prev = d.previous
    fk_import = "ForeignKey, String" if prev else "String"
    fk_column = (
        f"    {prev.singular}_id: Mapped[int | None] = mapped_column("
        f'ForeignKey("{prev.plural}.id"), default=None)\n'
        if prev
        else ""
    )
    return f"""\
from sqlalchemy import {fk_import}
from sqlalchemy.orm import Mapped, mapped_column

from app.db.session import Base


class {d.cls}(Base):
    __tablename__ = "{d.plural}"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
{fk_column}"""


def schema_module(d: Domain) -> str:
    """An input model and a public model read from ORM attributes."""
    prev = d.previous
    fk_field = f"    {prev.singular}_id: int | None = None\n" if prev else ""
    return f"""\
from pydantic import BaseModel, ConfigDict, Field


class {d.cls}Create(BaseModel):
    name: str = Field(min_length=1, max_length=255)
{fk_field}

class {d.cls}Public({d.cls}Create):
    model_config = ConfigDict(from_attributes=True)

    id: int
"""


def test_module(d: Domain) -> str:
    """One round trip through the API; from the second domain on, with a parent row."""
    s, c, prev = d.singular, d.cls, d.previous
    parent = (
        f'    parent = client.post("/{prev.plural}/", json={{"name": "parent"}}).json()\n'
        if prev
        else ""
    )
    payload = (
        f'{{"name": "first", "{prev.singular}_id": parent["id"]}}' if prev else '{"name": "first"}'
    )
    return f"""\
from app.crud import crud_{s}
from app.schemas.{s} import {c}Public


def test_create_and_read_{s}(client, db) -> None:
{parent}    response = client.post("/{d.plural}/", json={payload})
    assert response.status_code == 201
    created = {c}Public.model_validate(response.json())
    assert client.get(f"/{d.plural}/{{created.id}}").json() == response.json()
    assert crud_{s}.get_{s}(db, created.id) is not None
    assert client.get("/{d.plural}/999999").status_code == 404
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to write the project into")
    parser.add_argument("--domains", type=int, default=200, help="number of domains")
    args = parser.parse_args(argv)
    count = generate(args.out, args.domains)
    print(f"wrote {count} files for {args.domains} domains under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
