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

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

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


class NameFacts:
    """Per identifier: how often it is bound anywhere in the file, and every `Name` node in a
    reading position (attribute names, keyword-argument names and import names are not).

    Gathered by a walk of our own over the nodes' fields rather than a `CSTVisitor`: libcst's
    `visit` rebuilds every node it passes through (even for a read-only visitor), which costs
    as much as parsing; this walk only reads. It goes into the same children libcst visits
    (every node-valued field), so it sees the same names.
    """

    def __init__(self) -> None:
        self.bindings: Counter[str] = Counter()
        self.uses: dict[str, list[cst.Name]] = {}
        self.strings: list[str] = []
        # Each use's enclosing nodes (ids): a rewrite walks down to the uses and nowhere else.
        self.ancestors: dict[cst.Name, tuple[int, ...]] = {}
        self.parents: dict[cst.Name, cst.CSTNode] = {}  # each use's parent (FM004)
        self._stack: list[int] = []
        self._nodes: list[cst.CSTNode] = []

    @classmethod
    def of(cls, tree: cst.CSTNode) -> NameFacts:
        facts = cls()
        facts._walk(tree)
        return facts

    @property
    def in_use(self) -> set[str]:
        """Every identifier bound or read in the file: a new alias must be none of them."""
        return set(self.bindings) | set(self.uses)

    def mentioned_in_a_string(self, name: str) -> bool:
        return any(name in text for text in self.strings)

    def _walk(self, node: cst.CSTNode) -> None:
        kind = type(node)
        if kind is cst.Name:
            assert isinstance(node, cst.Name)
            self.uses.setdefault(node.value, []).append(node)
            self.ancestors[node] = tuple(self._stack)
            if self._nodes:
                self.parents[node] = self._nodes[-1]
            return
        special = _SPECIAL.get(kind)
        children = special(self, node) if special is not None else _child_nodes(node)
        self._stack.append(id(node))
        self._nodes.append(node)
        for child in children:
            self._walk(child)
        self._stack.pop()
        self._nodes.pop()


# What a node binds or holds, and which of its children to walk into.
# Dispatch on the exact node type: libcst's node classes are ABCs, and a chain of
# isinstance() checks on every node would cost more than the walk itself.
def _only(field: str) -> Callable[[NameFacts, cst.CSTNode], Iterable[cst.CSTNode]]:
    def children(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
        return (getattr(node, field),)

    return children


def _import_alias(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    assert isinstance(node, cst.ImportAlias)
    facts.bindings[alias_binding(node)] += 1
    return ()


def _string(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    assert isinstance(node, cst.SimpleString | cst.FormattedStringText)
    facts.strings.append(node.value)
    return _child_nodes(node)


def _binds_target(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    facts.bindings.update(_target_names(getattr(node, "target")))  # noqa: B009
    return _child_nodes(node)


def _binds_as_name(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    assert isinstance(node, cst.AsName)  # with ... as x, except E as x
    if isinstance(node.name, cst.BaseExpression):
        facts.bindings.update(_target_names(node.name))
    return _child_nodes(node)


def _binds_name(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    name = getattr(node, "name")  # noqa: B009 - Param, FunctionDef, ClassDef, MatchAs, MatchStar
    if name is not None:
        facts.bindings[name.value] += 1
    return _child_nodes(node)


def _binds_never_simple(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    assert isinstance(node, cst.Global | cst.Nonlocal)
    facts.bindings.update({item.name.value: 2 for item in node.names})
    return _child_nodes(node)


def _binds_rest(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    assert isinstance(node, cst.MatchMapping)
    if node.rest is not None:
        facts.bindings[node.rest.value] += 1
    return _child_nodes(node)


def _binds_type_param(facts: NameFacts, node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    assert isinstance(node, cst.TypeParam)
    facts.bindings[node.param.name.value] += 1
    return _child_nodes(node)


_SPECIAL: dict[type[cst.CSTNode], Callable[[NameFacts, cst.CSTNode], Iterable[cst.CSTNode]]] = {
    cst.Attribute: _only("value"),  # `x.name`: `name` is no use of a variable
    cst.Arg: _only("value"),  # `f(name=x)`: nor is a keyword
    cst.MatchKeywordElement: _only("pattern"),
    cst.ImportAlias: _import_alias,
    cst.SimpleString: _string,
    cst.FormattedStringText: _string,
    cst.AsName: _binds_as_name,
    cst.Global: _binds_never_simple,
    cst.Nonlocal: _binds_never_simple,
    cst.MatchMapping: _binds_rest,
    cst.TypeParam: _binds_type_param,
    **dict.fromkeys(
        (cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.Del, cst.For, cst.CompFor,
         cst.NamedExpr),
        _binds_target,
    ),
    **dict.fromkeys(
        (cst.Param, cst.FunctionDef, cst.ClassDef, cst.MatchAs, cst.MatchStar), _binds_name
    ),
}  # fmt: skip
_NODE_TYPES: set[type] = set()  # the node classes met so far: a set lookup, not an ABC check


@functools.cache
def _node_fields(node_type: type[cst.CSTNode]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(node_type))


def _is_node(value: object) -> bool:
    kind = type(value)
    if kind in _NODE_TYPES:
        return True
    if isinstance(value, cst.CSTNode):
        _NODE_TYPES.add(kind)
        return True
    return False


def _child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """Every node-valued field of `node`, and every node in a sequence-valued one."""
    children: list[cst.CSTNode] = []
    for name in _node_fields(type(node)):
        value = getattr(node, name)
        if type(value) is list or type(value) is tuple:
            children.extend(item for item in value if _is_node(item))
        elif _is_node(value):
            children.append(value)
    return children
