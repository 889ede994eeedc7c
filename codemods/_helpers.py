"""Shared libcst helpers for the codemods: one place, not copied between codemods."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst
from libcst.codemod import CodemodContext, VisitorBasedCodemodCommand
from libcst.metadata import PositionProvider

from forgeapi_migrate.errors import Finding
from forgeapi_migrate.plan import MigrationPlan


class MigrationCodemod(VisitorBasedCodemodCommand):
    """Base of every forgeapi-migrate codemod: given the plan, records findings with lines."""

    ID: ClassVar[str]
    DESCRIPTION: str
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, context: CodemodContext, plan: MigrationPlan) -> None:
        super().__init__(context)
        self.plan = plan
        self.findings: list[Finding] = []
        self.rewrites = 0

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
