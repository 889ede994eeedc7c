"""Shared libcst helpers for the codemods: one place, not copied between codemods."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

import libcst as cst
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.metadata import PositionProvider
from libcst.metadata.base_provider import ProviderT

from forgeapi_migrate.errors import Finding
from forgeapi_migrate.plan import MigrationPlan


class MigrationCodemod(VisitorBasedCodemodCommand):
    """Base of every forgeapi-migrate codemod: given the plan, records findings with lines."""

    ID: ClassVar[str]
    DESCRIPTION: str
    METADATA_DEPENDENCIES: ClassVar[Collection[ProviderT]] = (PositionProvider,)

    def __init__(self, context: CodemodContext, plan: MigrationPlan) -> None:
        super().__init__(context)
        self.plan = plan
        self.findings: list[Finding] = []
        self.rewrites = 0

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        """A cheap byte-level test; False means the file is not even handed to the codemod."""
        return True

    def report(self, node: cst.CSTNode, message: str) -> None:
        line = self.get_metadata(PositionProvider, node).start.line
        self.findings.append(Finding(self.context.filename or "<string>", line, self.ID, message))
        self.warn(f"line {line}: {message}")


def dotted_name(node: cst.BaseExpression) -> str | None:
    """`a.b.c` for a pure chain of names; None for anything else (calls, subscripts...)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


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
                trailing_whitespace=updated_node.trailing_whitespace,
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
        elif not last and alias.comma == cst.MaybeSentinel.DEFAULT:
            alias = alias.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        result.append(alias)
    return result


def import_alias(name: str, bound: str) -> cst.ImportAlias:
    asname = None if name == bound else cst.AsName(name=cst.Name(bound))
    return cst.ImportAlias(name=cst.Name(name), asname=asname)
