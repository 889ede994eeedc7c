"""What database layer the application package uses, found with `ast` (never imported).

The Alembic and naming-convention steps apply only to SQLAlchemy (and SQLModel, built on it);
a project on Tortoise ORM, raw SQL or no database gets none of them, and the report says why.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from forgeapi_migrate import pyast
from forgeapi_migrate.discover import module_name

OTHER_LAYERS = {"tortoise": "Tortoise ORM", "aerich": "aerich", "peewee": "peewee",
                "pony": "Pony ORM", "databases": "databases", "motor": "motor",
                "beanie": "Beanie", "sqlite3": "sqlite3", "asyncpg": "asyncpg",
                "psycopg": "psycopg", "psycopg2": "psycopg2", "odmantic": "ODMantic"}  # fmt: skip


@dataclass(frozen=True)
class OrmFacts:
    sqlalchemy: bool = False  # imports sqlalchemy or sqlmodel
    sqlmodel: bool = False  # defines SQLModel tables (`class X(SQLModel, table=True)`)
    has_convention: bool = False  # some module already sets a naming convention
    others: tuple[str, ...] = ()  # other database layers imported ("Tortoise ORM", ...)
    base: str | None = None  # "app.db.base:Base", the declarative base
    engine: str | None = None  # "app.db.session:engine", a module-level create_engine()
    model_modules: tuple[str, ...] = ()  # modules that define mapped classes / tables

    @property
    def why_no_alembic(self) -> str:
        found = ", ".join(self.others) if self.others else "no database library"
        return f"no SQLAlchemy or SQLModel in the package ({found}): nothing Alembic-related to do"


_IMPORT = re.compile(rb"^[ \t]*(?:from|import)[ \t]+(\w+)", re.MULTILINE)
_SQLMODEL_TABLE = re.compile(rb"table\s*=\s*True")


def find_orm_facts(
    roots: tuple[str, ...], sources: Mapping[str, bytes], detailed: bool = False
) -> OrmFacts:
    """Cheap byte-level facts over the packages `roots`; `detailed` also parses the model
    modules (for a scaffold)."""
    sqlalchemy = sqlmodel = has_convention = False
    others: set[str] = set()
    candidates: list[tuple[str, bytes]] = []
    for path, data in sorted(sources.items()):
        if path.partition("/")[0] not in roots or "/" not in path:
            continue
        imported = {m.decode() for m in _IMPORT.findall(data)}
        uses_it = bool(imported & {"sqlalchemy", "sqlmodel"})
        sqlalchemy = sqlalchemy or uses_it
        sqlmodel = sqlmodel or ("sqlmodel" in imported and bool(_SQLMODEL_TABLE.search(data)))
        has_convention = has_convention or b"naming_convention" in data
        others.update(OTHER_LAYERS[name] for name in imported if name in OTHER_LAYERS)
        if uses_it:
            candidates.append((path, data))
    facts = OrmFacts(sqlalchemy, sqlmodel, has_convention, tuple(sorted(others)))
    return _with_details(facts, candidates) if detailed else facts


def _with_details(facts: OrmFacts, candidates: list[tuple[str, bytes]]) -> OrmFacts:
    base = engine = None
    models: list[str] = []
    for path, data in candidates:
        try:
            tree = pyast.parse(data)
        except (SyntaxError, ValueError):
            continue
        module = module_name(path)
        if _table_classes(tree):
            models.append(module)
        for name, kind in _bindings(tree):
            if kind == "base" and base is None:
                base = f"{module}:{name}"
            elif kind == "engine" and engine is None:
                engine = f"{module}:{name}"
    return replace(facts, base=base, engine=engine, model_modules=tuple(models))


def _imported_top_levels(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _table_classes(tree: ast.Module) -> list[str]:
    """ "sqlmodel" per `class X(..., table=True)`, "sqlalchemy" per class with `__tablename__`."""
    kinds = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        if any(
            k.arg == "table" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in node.keywords
        ):
            kinds.append("sqlmodel")
        elif any(
            isinstance(s, ast.Assign | ast.AnnAssign)
            and any(
                isinstance(t, ast.Name) and t.id == "__tablename__"
                for t in (s.targets if isinstance(s, ast.Assign) else [s.target])
            )
            for s in node.body
        ):
            kinds.append("sqlalchemy")
    return kinds


def _bindings(tree: ast.Module) -> list[tuple[str, str]]:
    """Module-level `Base = declarative_base()`, `class Base(DeclarativeBase)` and
    `engine = create_engine(...)` (or `create_async_engine`)."""
    found: list[tuple[str, str]] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            _last_name(b) == "DeclarativeBase" for b in node.bases
        ):
            found.append((node.name, "base"))
        if not isinstance(node, ast.Assign | ast.AnnAssign) or not isinstance(node.value, ast.Call):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if len(targets) != 1 or not isinstance(targets[0], ast.Name):
            continue
        callee = _last_name(node.value.func)
        if callee == "declarative_base":
            found.append((targets[0].id, "base"))
        elif callee in ("create_engine", "create_async_engine"):
            found.append((targets[0].id, "engine"))
    return found


def _last_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None
