"""Shared libcst helpers for the codemods: one place, not copied between codemods.

`dotted_name` lives in `file_paths.py` (discovery needs it too) and is re-exported here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider
from libcst.metadata.base_provider import ProviderT

from forgeapi_migrate import pyast
from forgeapi_migrate.errors import Finding
from forgeapi_migrate.file_paths import dotted_name as dotted_name  # re-exported
from forgeapi_migrate.plan import MigrationPlan


class FileContext(Protocol):
    """What a codemod knows about its file; libcst's `CodemodContext` fits it (tests use that)."""

    filename: str | None
    full_module_name: str | None
    full_package_name: str | None
    warnings: list[str]


@dataclass
class SourceFile:
    """The production `FileContext`, without importing `libcst.codemod` (whose matcher
    module alone costs more start-up time than a no-op run may take)."""

    filename: str | None = None
    full_module_name: str | None = None
    full_package_name: str | None = None
    warnings: list[str] = field(default_factory=list)


class MigrationCodemod(cst.CSTTransformer):
    """Base of every forgeapi-migrate codemod: a plain transformer given the plan.

    It follows libcst's codemod protocol (`Codemod(context).transform_module(tree)`, warnings
    in `context.warnings`, so `CodemodTest` drives it) without `VisitorBasedCodemodCommand`:
    that class's matcher machinery costs more per file than our whole rewrite, and
    `Codemod.transform_module` deep-copies the tree for metadata. Here a tree is visited as
    parsed; metadata is resolved only for codemods that declare it, and line numbers only
    when there is something to report.
    """

    ID: ClassVar[str]
    DESCRIPTION: ClassVar[str]  # also in the registry, which must not import this module
    METADATA_DEPENDENCIES: ClassVar[Collection[ProviderT]] = ()

    def __init__(self, context: FileContext, plan: MigrationPlan) -> None:
        super().__init__()
        self.context = context
        self.plan = plan
        self.findings: list[Finding] = []
        self.rewrites = 0
        self._tree: cst.Module | None = None
        self._positions: Mapping[cst.CSTNode, CodeRange] | None = None

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        """A cheap byte-level test; False means the file is not even parsed for this codemod
        (each codemod's is in `_prefilters.py`, which the registry uses without importing it)."""
        return True

    def wants(self, tree: cst.Module) -> bool:
        """A cheap look at the parsed tree before any metadata is computed; False skips it."""
        return True

    def needs_metadata(self) -> bool:
        """Asked after `wants`: False visits without resolving METADATA_DEPENDENCIES."""
        return True

    def transform_module(self, tree: cst.Module) -> cst.Module:
        self._tree = tree
        if not self.wants(tree):
            return tree
        if not self.METADATA_DEPENDENCIES or not self.needs_metadata():
            return tree.visit(self)
        # libcst's scope analysis evaluates string annotations with `ast.literal_eval`
        with pyast.exclusive(), self.resolve(MetadataWrapper(tree, unsafe_skip_copy=True)):
            return tree.visit(self)

    def report(self, node: cst.CSTNode, message: str, unresolved: bool = False) -> None:
        if self._positions is None:
            assert self._tree is not None, "report() outside transform_module()"
            wrapper = MetadataWrapper(self._tree, unsafe_skip_copy=True)
            self._positions = wrapper.resolve(PositionProvider)
        position = self._positions.get(node)
        line = position.start.line if position is not None else 1
        filename = self.context.filename or "<string>"
        self.findings.append(Finding(filename, line, self.ID, message, unresolved=unresolved))
        self.context.warnings.append(f"line {line}: {message}")


def find_imports(
    node: cst.CSTNode, along: set[int] | None = None
) -> list[cst.Import | cst.ImportFrom]:
    """Every import statement, at any depth, walking statement blocks only (expressions
    cannot hold imports, and they are most of a tree). `along` collects the ids of the
    nodes above an import (a rewrite need walk only them)."""
    found: list[cst.Import | cst.ImportFrom] = []
    if isinstance(node, cst.SimpleStatementLine | cst.SimpleStatementSuite):
        found.extend(s for s in node.body if isinstance(s, cst.Import | cst.ImportFrom))
    else:
        for attribute in ("body", "orelse", "handlers", "finalbody", "cases"):
            child = getattr(node, attribute, None)
            if isinstance(child, list | tuple):
                for item in child:
                    found.extend(find_imports(item, along))
            elif isinstance(child, cst.CSTNode) and not isinstance(child, cst.BaseExpression):
                found.extend(find_imports(child, along))
    if found and along is not None:
        along.add(id(node))
    return found


def is_docstring(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )


def is_import_line(statement: cst.CSTNode) -> bool:
    """A line of nothing but import statements (`import a; from b import c`)."""
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, cst.Import | cst.ImportFrom) for s in statement.body
    )


def absolute_import_from(node: cst.ImportFrom, module: str) -> cst.ImportFrom:
    """`node` importing from `module` (absolute), its relative dots dropped with their space."""
    changes: dict[str, object] = {"module": dotted_node(module), "relative": ()}
    if node.relative:
        changes["whitespace_after_from"] = cst.SimpleWhitespace(" ")
    return node.with_changes(**changes)


def dotted_node(dotted: str) -> cst.Attribute | cst.Name:
    node: cst.Attribute | cst.Name = cst.Name(dotted.split(".")[0])
    for part in dotted.split(".")[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def is_within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def alias_binding(alias: cst.ImportAlias) -> str:
    """The local name an import alias binds (`a.b` binds `a`, `x as y` binds `y`)."""
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    name = dotted_name(alias.name) or ""
    return name.split(".")[0]


class SplitsImportLines(MigrationCodemod):
    """For codemods whose `leave_ImportFrom` may return several statements: each goes on a line
    of its own, the first keeping the comments above, each keeping the trailing comment
    (a noqa or type-ignore comment must go on covering every name it covered before)."""

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine | cst.FlattenSentinel[cst.SimpleStatementLine]:
        if len(updated_node.body) == len(original_node.body) or len(original_node.body) != 1:
            return updated_node
        if not updated_node.body:
            return updated_node
        lines = [
            cst.SimpleStatementLine(
                body=[statement.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)],
                # a node of its own for each line: metadata is keyed by node identity
                trailing_whitespace=updated_node.trailing_whitespace.deep_clone(),
            )
            for statement in updated_node.body
        ]
        lines[0] = lines[0].with_changes(leading_lines=updated_node.leading_lines)
        return cst.FlattenSentinel(lines)


def import_from(module: str, aliases: Sequence[cst.ImportAlias]) -> cst.ImportFrom:
    """`from module import a, b as c` on one line."""
    return cst.ImportFrom(module=dotted_node(module), names=with_commas(aliases, keep_last=False))


def with_commas(aliases: Sequence[cst.ImportAlias], keep_last: bool) -> list[cst.ImportAlias]:
    """Re-punctuate a changed name list: a comma between names; a dangling one only if kept
    (inside parentheses, where the original may have had one)."""
    result = []
    for index, alias in enumerate(aliases):
        last = index == len(aliases) - 1
        if last and not keep_last:
            alias = alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        elif not last and (alias.comma == cst.MaybeSentinel.DEFAULT or not keep_last):
            # outside parentheses a comma must not carry a line break (the original's may)
            alias = alias.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        result.append(alias)
    return result


def import_alias(name: str, bound: str) -> cst.ImportAlias:
    asname = None if name == bound else cst.AsName(name=cst.Name(bound))
    return cst.ImportAlias(name=cst.Name(name), asname=asname)


def replacing_statement(
    statements: Sequence[cst.BaseSmallStatement],
) -> cst.BaseSmallStatement | cst.FlattenSentinel[cst.BaseSmallStatement] | cst.RemovalSentinel:
    """What a `leave_` method returns to put these statements (none, one or several; the
    line is split by `SplitsImportLines`) where one statement was."""
    if not statements:
        return cst.RemovalSentinel.REMOVE
    return statements[0] if len(statements) == 1 else cst.FlattenSentinel(statements)
