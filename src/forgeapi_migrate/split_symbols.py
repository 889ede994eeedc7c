"""What a single-file layer defines, symbol by symbol (see `split.py`): each top-level name,
its kind, the words of its name, what it reads, and the names of tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from forgeapi_migrate import naming, pyast

SHARED = ""  # the key of the piece for what several domains share
# The virtual module of the shared piece: `app/models/base.py` -> the layer's global module
# (`src/models.py`); a service layer's shared helpers -> `src/utils.py`.
SHARED_STEMS = {"crud": "utils", "services": "utils", "repositories": "utils"}
Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement


@dataclass
class Symbol:
    name: str
    index: int  # its statement in the module body
    line: int
    kind: str  # "class", "function", "value"
    words: list[str]
    uses: set[str] = field(default_factory=set)  # names it reads
    attr_uses: set[tuple[str, str]] = field(default_factory=set)  # (bound module, name)
    decorated_by: set[str] = field(default_factory=set)
    bases: set[str] = field(default_factory=set)  # names in a class's bases
    domain: str | None = None
    reason: str = ""
    guessed: bool = False


def table_name(node: cst.ClassDef) -> str:
    """`__tablename__ = "users"`, or SQLModel's default, the class name in lower case."""
    for statement in node.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (
                isinstance(small, cst.Assign)
                and isinstance(small.targets[0].target, cst.Name)
                and small.targets[0].target.value == "__tablename__"
                and isinstance(small.value, cst.SimpleString)
                and isinstance(name := pyast.evaluated_value(small.value), str)
            ):
                return name
    return node.name.value.lower()


def is_table(node: cst.ClassDef) -> bool:
    """`class Item(ItemBase, table=True)` (SQLModel) or a class with `__tablename__`."""
    if any(k.keyword is not None and k.keyword.value == "table" for k in node.keywords):
        return True
    return "__tablename__" in cst.Module(body=[node]).code


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def name_words(name: str) -> list[str]:
    """`UserCreate` -> ["user", "create"], `get_items` -> ["get", "item"]."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return [naming.singular(w.lower()) for w in spaced.split("_") if w]


# -- the symbols of a file --------------------------------------------------------------------
class NamesUsed(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attrs: set[tuple[str, str]] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if isinstance(node.value, cst.Name):
            self.attrs.add((node.value.value, node.attr.value))
            self.names.add(node.value.value)
            return False
        node.value.visit(self)
        return False


def names_used(node: cst.CSTNode) -> NamesUsed:
    visitor = NamesUsed()
    node.visit(visitor)
    return visitor


def top_level_symbols(tree: cst.Module) -> list[Symbol]:
    symbols: list[Symbol] = []
    line = 1 + sum(tree.code_for_node(h).count("\n") for h in tree.header)
    for index, statement in enumerate(tree.body):
        first = line + len(statement.leading_lines)  # its first decorator or keyword
        line += tree.code_for_node(statement).count("\n")
        for name, kind in _defines(statement):
            used = names_used(statement)
            symbol = Symbol(
                name, index, first, kind, name_words(name), used.names - {name}, used.attrs
            )
            if isinstance(statement, cst.FunctionDef | cst.ClassDef):
                for decorator in statement.decorators:
                    symbol.decorated_by |= names_used(decorator).names
            if isinstance(statement, cst.ClassDef):
                for base in statement.bases:
                    symbol.bases |= names_used(base).names
            symbols.append(symbol)
    return symbols


def _defines(statement: cst.CSTNode) -> list[tuple[str, str]]:
    if isinstance(statement, cst.ClassDef):
        return [(statement.name.value, "class")]
    if isinstance(statement, cst.FunctionDef):
        return [(statement.name.value, "function")]
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        targets = (
            [t.target for t in small.targets]
            if isinstance(small, cst.Assign)
            else [small.target]
            if isinstance(small, cst.AnnAssign) and small.value is not None
            else []
        )
        names = [t.value for t in targets if isinstance(t, cst.Name)]
        if len(names) == 1 and names[0] != "__all__":
            return [(names[0], "value")]
    return []


class _StringWords(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.words: set[str] = set()

    def visit_Expr(self, node: cst.Expr) -> bool:
        return False  # a docstring names nothing

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = pyast.evaluated_value(node)
        if isinstance(value, str):
            self.words.update(re.findall(r"[A-Za-z_]\w*", value))


REBUILDS = frozenset({"update_forward_refs", "model_rebuild"})


def rebuilds_models(statement: Statement) -> bool:
    """A module-level `X.update_forward_refs()` / `X.model_rebuild()`."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    return any(
        isinstance(small, cst.Expr)
        and isinstance(small.value, cst.Call)
        and isinstance(small.value.func, cst.Attribute)
        and small.value.func.attr.value in REBUILDS
        for small in statement.body
    )


def string_words(body: Sequence[Statement]) -> set[str]:
    visitor = _StringWords()
    cst.Module(body=list(body)).visit(visitor)
    return visitor.words


def rebuilt_classes(tree: cst.Module) -> list[str]:
    """The classes a module-level `X.update_forward_refs()` / `X.model_rebuild()` names."""
    names: list[str] = []
    for statement in tree.body:
        if rebuilds_models(statement):
            assert isinstance(statement, cst.SimpleStatementLine)
            for small in statement.body:
                call = small.value if isinstance(small, cst.Expr) else None
                if (
                    isinstance(call, cst.Call)
                    and isinstance(call.func, cst.Attribute)
                    and isinstance(call.func.value, cst.Name)
                ):
                    names.append(call.func.value.value)
    return names
