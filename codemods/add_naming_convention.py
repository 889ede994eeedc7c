"""FM005: the declarative base's `MetaData` gets the SQLAlchemy naming convention.

`class Base(DeclarativeBase)` gains `metadata = MetaData(naming_convention=NAMING_CONVENTION)`;
`Base = declarative_base()` gains `metadata=MetaData(naming_convention=NAMING_CONVENTION)`;
`NAMING_CONVENTION` (the five ix/uq/ck/fk/pk keys of DESIGN.md) is defined after the imports
and `MetaData` imported from sqlalchemy. SQLModel keeps one `SQLModel.metadata` for every table:
its convention is set in the application package's `__init__.py`, which runs before any
module that defines a table (constraint names are fixed when a table is defined). A module
that mentions `naming_convention` anywhere keeps its own (for SQLModel: any module). On a
project with Alembic revisions new constraint names change what autogenerate emits, so there
the plan turns this on only when asked (`naming_convention = true` in
`[tool.forgeapi-migrate]`); see the README.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from forgeapi_migrate.codemods import _prefilters
from forgeapi_migrate.codemods._helpers import (
    MigrationCodemod,
    dotted_name,
    is_docstring,
    is_import_line,
)
from forgeapi_migrate.plan import MigrationPlan

CONVENTION = """NAMING_CONVENTION = {
    "ix": "%(column_0_label)s_idx",
    "uq": "%(table_name)s_%(column_0_name)s_key",
    "ck": "%(table_name)s_%(constraint_name)s_check",
    "fk": "%(table_name)s_%(column_0_name)s_fkey",
    "pk": "%(table_name)s_pkey",
}
"""
METADATA = "MetaData(naming_convention=NAMING_CONVENTION)"
SQLMODEL = "SQLModel.metadata.naming_convention = NAMING_CONVENTION\n"
SQLMODEL_WHY = "# Set here: this module runs before any module that defines a table."


class AddNamingConvention(MigrationCodemod):
    ID = "FM005"
    DESCRIPTION = "Give the declarative base's MetaData the ix/uq/ck/fk/pk naming convention."

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        return _prefilters.add_naming_convention(path, data, plan)

    def visit_Module(self, node: cst.Module) -> None:
        path = self.context.filename or ""
        self.for_sqlmodel = self.plan.sqlmodel and path == f"{self.plan.source_package}/__init__.py"
        self.changed = self.for_sqlmodel

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        bases = {dotted_name(arg.value) for arg in updated_node.bases}
        if not bases & {"DeclarativeBase", "orm.DeclarativeBase", "sqlalchemy.orm.DeclarativeBase"}:
            return updated_node
        body = list(updated_node.body.body)
        if any(_assigns_metadata(statement) for statement in body):
            return updated_node
        at = 1 if body and is_docstring(body[0]) else 0
        body.insert(at, cst.parse_statement(f"metadata = {METADATA}\n"))
        if at == 0 and len(body) == 2 and _is_pass(body[1]):
            body.pop()
        self.changed = True
        return updated_node.with_changes(body=updated_node.body.with_changes(body=body))

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        if dotted_name(updated_node.func) not in ("declarative_base", "orm.declarative_base"):
            return updated_node
        if any(arg.keyword and arg.keyword.value == "metadata" for arg in updated_node.args):
            return updated_node
        self.changed = True
        no_space = cst.SimpleWhitespace("")
        argument = cst.Arg(
            keyword=cst.Name("metadata"),
            value=cst.parse_expression(METADATA),
            equal=cst.AssignEqual(whitespace_before=no_space, whitespace_after=no_space),
        )
        args = list(updated_node.args)
        if args:
            args[-1] = args[-1].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
        return updated_node.with_changes(args=[*args, argument])

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self.changed:
            return updated_node
        self.rewrites += 1
        body = list(updated_node.body)
        after_imports = _after_imports(body)
        gap = [cst.EmptyLine()] if after_imports or self.for_sqlmodel else []
        added = [cst.parse_statement(CONVENTION).with_changes(leading_lines=gap)]
        if self.for_sqlmodel:
            added.insert(0, cst.parse_statement("from sqlmodel import SQLModel\n"))
            why = cst.EmptyLine(comment=cst.Comment(SQLMODEL_WHY))
            added.append(cst.parse_statement(SQLMODEL).with_changes(leading_lines=[why]))
        elif not _imports_metadata(body):
            added.insert(0, cst.parse_statement("from sqlalchemy import MetaData\n"))
        return updated_node.with_changes(
            body=[*body[:after_imports], *added, *body[after_imports:]], has_trailing_newline=True
        )


def _assigns_metadata(statement: cst.CSTNode) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    for small in statement.body:
        targets = (
            [t.target for t in small.targets]
            if isinstance(small, cst.Assign)
            else [small.target]
            if isinstance(small, cst.AnnAssign)
            else []
        )
        if any(isinstance(t, cst.Name) and t.value == "metadata" for t in targets):
            return True
    return False


def _is_pass(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and isinstance(
        statement.body[0], cst.Pass
    )


def _after_imports(body: Sequence[cst.CSTNode]) -> int:
    """Index after the leading docstring and imports (and `if TYPE_CHECKING:` blocks)."""
    index = 0
    for position, statement in enumerate(body):
        if is_docstring(statement) and position == 0:
            index = 1
        elif is_import_line(statement):
            index = position + 1
        else:
            break
    return index


def _imports_metadata(body: Sequence[cst.CSTNode]) -> bool:
    for statement in body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            names = small.names if isinstance(small, cst.ImportFrom) else ()
            if not isinstance(names, cst.ImportStar) and any(
                dotted_name(a.name) == "MetaData" and a.asname is None for a in names
            ):
                return True
    return False
