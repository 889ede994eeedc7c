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


def generate(root: Path, domains: int, names: tuple[str, ...] = (), shape: str = "layered") -> int:
    """Write the project under `root` (created if missing) and return how many files it has.
    `names`: singular names for the first domains instead of `d0001`, ... (default shape
    only); `shape`: one of SHAPES."""
    if domains < 1:
        raise ValueError("a project needs at least one domain")
    NAMES.clear()
    NAMES.update(enumerate(names, start=1))
    spec = SHAPES[shape]
    files = dict(project_files(domains) if spec is None else shape_files(domains, spec))
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
    yield from shared_files(all_domains)
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


def shared_files(all_domains: list[Domain]) -> Iterator[tuple[str, str]]:
    """The files every shape has: settings, entry point, session, dependencies, fixtures."""
    yield "pyproject.toml", pyproject()
    yield "app/main.py", main_module(all_domains)
    yield "app/core/config.py", config_module()
    yield "app/db/session.py", session_module()
    yield "app/api/deps.py", deps_module()
    yield "tests/conftest.py", conftest_module()


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


# Other shapes (`--shape`): what real service layers have and the default shape lacks.
#
# "reexport": packages `app/models` and `app/schemas` re-export every module's classes, and
# most modules import through them (`from app import models` + `models.D0001`, `from
# app.models import d0001 as d0001_model`); a service layer (`app/services/`) imports other
# domains' services and crud functions by name; relative imports at depths 1 to 3; many call
# sites per file. "long": the same project with long service and crud modules.

CROSS_DOMAINS = 3  # how many earlier domains each service and crud module uses
SHAPE_PACKAGES = (*EMPTY_PACKAGES, "app/services")


@dataclass(frozen=True)
class Shape:
    """How the reexport family of shapes is written: functions per service and crud module."""

    functions: int


SHAPES: dict[str, Shape | None] = {
    "layered": None,  # the default: `project_files` above
    "reexport": Shape(functions=4),
    "long": Shape(functions=40),
}


def shape_files(domains: int, shape: Shape) -> Iterator[tuple[str, str]]:
    """Every file of a reexport-family project as (relative POSIX path, content)."""
    all_domains = [Domain(i) for i in range(1, domains + 1)]
    for package in SHAPE_PACKAGES:
        if package not in ("app/models", "app/schemas"):
            yield f"{package}/__init__.py", ""
    yield "app/models/__init__.py", reexporting_init(all_domains, "")
    yield "app/schemas/__init__.py", reexporting_init(all_domains, "Create", "Public")
    yield from shared_files(all_domains)
    for d in all_domains:
        earlier = [Domain(k) for k in range(d.index - 1, max(0, d.index - 1 - CROSS_DOMAINS), -1)]
        yield f"app/api/routes/{d.plural}.py", reexport_routes(d)
        yield f"app/crud/crud_{d.singular}.py", reexport_crud(d, earlier, shape.functions)
        yield f"app/services/{d.singular}_service.py", reexport_service(d, earlier, shape.functions)
        yield (
            f"app/models/{d.singular}.py",
            model_module(d).replace(
                "from app.db.session import Base", "from ..db.session import Base"
            ),
        )
        yield f"app/schemas/{d.singular}.py", schema_module(d)
        yield f"tests/test_{d.plural}.py", reexport_test(d)


def reexporting_init(domains: list[Domain], *suffixes: str) -> str:
    """`from .d0001 import D0001` per module, and `__all__`."""
    lines = [
        f"from .{d.singular} import {', '.join(d.cls + s for s in suffixes)}\n" for d in domains
    ]
    names = ",\n".join(f'    "{d.cls}{s}"' for d in domains for s in suffixes)
    docstring = '"""Re-exported, so that callers can write `package.Name`."""\n'
    return f"{docstring}{''.join(lines)}\n__all__ = [\n{names},\n]\n"


def reexport_routes(d: Domain) -> str:
    """Endpoints through the service, with relative imports two and three levels up."""
    s, c = d.singular, d.cls
    return f"""\
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy.orm import Session

from ... import schemas
from ...crud import crud_{s}
from ...services import {s}_service
from ..deps import get_db

router = APIRouter(prefix="/{d.plural}", tags=["{d.plural}"])


@router.post("/", response_model=schemas.{c}Public, status_code=status.HTTP_201_CREATED)
def create_{s}(data: schemas.{c}Create, db: Annotated[Session, Depends(get_db)]) -> Any:
    try:
        return {s}_service.create_{s}(db, data)
    except ValueError as exc:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail=str(exc)) from exc


@router.get("/{{{s}_id}}", response_model=schemas.{c}Public)
def read_{s}({s}_id: int, db: Annotated[Session, Depends(get_db)]) -> Any:
    obj = crud_{s}.get_{s}(db, {s}_id)
    if obj is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="{c} not found")
    return obj


@router.get("/", response_model=list[schemas.{c}Public])
def list_{d.plural}(db: Annotated[Session, Depends(get_db)], limit: int = 100) -> Any:
    return crud_{s}.list_{d.plural}(db, limit=limit)


@router.get("/{{{s}_id}}/related")
def related_{s}({s}_id: int, db: Annotated[Session, Depends(get_db)]) -> dict[str, int]:
    return {s}_service.related_{s}(db, {s}_id)
"""


def reexport_crud(d: Domain, earlier: list[Domain], functions: int) -> str:
    """Queries through `models.X` (the re-exporting package) and an earlier domain's model
    module imported by name (`from app.models import d0001 as d0001_model`)."""
    s, c, prev = d.singular, d.cls, d.previous
    parent_import = (
        f"from app.models import {prev.singular} as {prev.singular}_model\n" if prev else ""
    )
    parent_check = (
        f"""\
    parent_id = data.{prev.singular}_id
    if parent_id is not None and db.get({prev.singular}_model.{prev.cls}, parent_id) is None:
        raise ValueError(f"{prev.singular} {{data.{prev.singular}_id}} does not exist")
"""
        if prev
        else ""
    )
    extra = "".join(
        f"""

def count_{s}_{n}(db: Session, name: str, *, limit: int = {n + 10}) -> int:
    query = select(models.{c}).where(models.{c}.name == name).limit(limit)
    rows = db.scalars(query.order_by(models.{c}.id)).all()
    total = 0
    for row in rows:
        if isinstance(row, models.{c}) and row.id % {n + 2} == 0:
            total += row.id
    return total + len(rows)
"""
        for n in range(functions)
    )
    return f"""\
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import models, schemas
{parent_import}

def get_{s}(db: Session, {s}_id: int) -> models.{c} | None:
    return db.get(models.{c}, {s}_id)


def list_{d.plural}(db: Session, *, skip: int = 0, limit: int = 100) -> Sequence[models.{c}]:
    return db.scalars(select(models.{c}).order_by(models.{c}.id).offset(skip).limit(limit)).all()


def create_{s}(db: Session, data: schemas.{c}Create) -> models.{c}:
{parent_check}    obj = models.{c}(**data.model_dump())
    db.add(obj)
    db.commit()
    db.refresh(obj)
    return obj
{extra}"""


def reexport_service(d: Domain, earlier: list[Domain], functions: int) -> str:
    """Uses earlier domains' services and crud functions imported by name (absolute, and
    relative at depths 1 and 2), and the models package."""
    s, c = d.singular, d.cls
    imports = "".join(
        f"from app.crud.crud_{e.singular} import get_{e.singular}, list_{e.plural}\n"
        for e in earlier
    )
    imports += "".join(f"from .{e.singular}_service import related_{e.singular}\n" for e in earlier)
    calls = "".join(
        f'    counts["{e.plural}"] = len(list_{e.plural}(db, limit=5))\n'
        f"    if get_{e.singular}(db, {s}_id) is not None:\n"
        f'        counts["{e.singular}"] = 1\n'
        for e in earlier
    )
    calls += "".join(
        f"    counts.update(related_{e.singular}(db, {s}_id) if {s}_id < 0 else {{}})\n"
        for e in earlier
    )
    extra = "".join(
        f"""

def summarize_{s}_{n}(db: Session, {s}_id: int) -> dict[str, int]:
    obj = get_{s}(db, {s}_id)
    if obj is None or not isinstance(obj, models.{c}):
        return {{}}
    summary = related_{s}(db, {s}_id)
    summary["{n}"] = obj.id + {n}
    return summary
"""
        for n in range(functions)
    )
    return f"""\
from sqlalchemy.orm import Session

from app import models, schemas
{imports}from ..crud.crud_{s} import create_{s} as _create, get_{s}


def create_{s}(db: Session, data: schemas.{c}Create) -> models.{c}:
    return _create(db, data)


def related_{s}(db: Session, {s}_id: int) -> dict[str, int]:
    counts: dict[str, int] = {{}}
{calls}    return counts
{extra}"""


def reexport_test(d: Domain) -> str:
    """The default round trip, the schema module imported through the re-exporting package
    (`from app.schemas import d0001 as d0001_schema`), and the service's cross-domain call."""
    s, c = d.singular, d.cls
    text = test_module(d).replace(
        f"from app.crud import crud_{s}\nfrom app.schemas.{s} import {c}Public\n",
        f"from app.crud import crud_{s}\nfrom app.schemas import {s} as {s}_schema\n"
        f"from app.services import {s}_service\n",
    )
    text = text.replace(f"created = {c}Public.", f"created = {s}_schema.{c}Public.")
    return text + f"    assert {s}_service.related_{s}(db, created.id) is not None\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to write the project into")
    parser.add_argument("--domains", type=int, default=200, help="number of domains")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="layered", help="see SHAPES")
    args = parser.parse_args(argv)
    count = generate(args.out, args.domains, shape=args.shape)
    print(f"wrote {count} files for {args.domains} domains ({args.shape}) under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
