"""Cheap name facts for FM003, so that libcst's full scope analysis runs only where needed.

libcst's `ScopeProvider` costs several parses' worth of time per file. Most files FM003
rewrites are plain: each imported name is bound once in the whole file (by its import, at
module level) and never appears inside a string. For such a name every `Name` node in a
reading position is a use of that import, whatever the nesting: no scope can shadow a name
that nothing else binds. One plain walk of the tree counts the bindings and collects the
uses; any other file gets the full scope analysis, so the rewrite is the same either way
(`tests/codemods/test_use_module_aliases.py` checks that both give the same answer).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import libcst as cst

from forgeapi_migrate.codemods._helpers import alias_binding


def _target_names(node: cst.BaseExpression) -> Iterator[str]:
    """The names an assignment target binds (`a`, `a, (b, *c)`; not `x.a` or `x[a]`)."""
    if isinstance(node, cst.Name):
        yield node.value
    elif isinstance(node, cst.Tuple | cst.List):
        for element in node.elements:
            yield from _target_names(element.value)
    elif isinstance(node, cst.StarredElement):
        yield from _target_names(node.value)


class NameFacts(cst.CSTVisitor):
    """Per identifier: how often it is bound anywhere in the file, and every `Name` node in a
    reading position (attribute names, keyword-argument names and import names are not)."""

    def __init__(self) -> None:
        super().__init__()
        self.bindings: Counter[str] = Counter()
        self.uses: dict[str, list[cst.Name]] = {}
        self.strings: list[str] = []
        # Each use's enclosing nodes (ids): a rewrite walks down to the uses and nowhere else.
        self.ancestors: dict[cst.Name, tuple[int, ...]] = {}
        self._stack: list[int] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        self._stack.append(id(node))
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self._stack.pop()
        super().on_leave(original_node)

    @property
    def in_use(self) -> set[str]:
        """Every identifier bound or read in the file: a new alias must be none of them."""
        return set(self.bindings) | set(self.uses)

    def mentioned_in_a_string(self, name: str) -> bool:
        return any(name in text for text in self.strings)

    def visit_Name(self, node: cst.Name) -> None:
        self.uses.setdefault(node.value, []).append(node)
        self.ancestors[node] = tuple(self._stack[:-1])

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self.strings.append(node.value)

    def visit_FormattedStringText(self, node: cst.FormattedStringText) -> None:
        self.strings.append(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_MatchKeywordElement(self, node: cst.MatchKeywordElement) -> bool:
        node.pattern.visit(self)
        return False

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        self.bindings[alias_binding(node)] += 1
        return False

    # -- bindings ------------------------------------------------------------------------------
    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self.bindings.update(_target_names(node.target))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.bindings.update(_target_names(node.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.bindings.update(_target_names(node.target))

    def visit_For(self, node: cst.For) -> None:
        self.bindings.update(_target_names(node.target))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.bindings.update(_target_names(node.target))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.bindings.update(_target_names(node.target))

    def visit_AsName(self, node: cst.AsName) -> None:  # with ... as x, except E as x
        if isinstance(node.name, cst.BaseExpression):
            self.bindings.update(_target_names(node.name))

    def visit_Del(self, node: cst.Del) -> None:
        self.bindings.update(_target_names(node.target))

    def visit_Param(self, node: cst.Param) -> None:
        self.bindings[node.name.value] += 1

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.bindings[node.name.value] += 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.bindings[node.name.value] += 1

    def visit_Global(self, node: cst.Global) -> None:
        self.bindings.update({item.name.value: 2 for item in node.names})  # never simple

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.bindings.update({item.name.value: 2 for item in node.names})

    def visit_MatchAs(self, node: cst.MatchAs) -> None:
        if node.name is not None:
            self.bindings[node.name.value] += 1

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        if node.name is not None:
            self.bindings[node.name.value] += 1

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self.bindings[node.rest.value] += 1

    def visit_TypeParam(self, node: cst.TypeParam) -> None:
        self.bindings[node.param.name.value] += 1
