"""Paths that a module builds from its own `__file__`, worked out statically.

`Path(__file__).resolve().parent / "templates" / "welcome.html"`,
`os.path.join(os.path.dirname(__file__), "schema.sql")`, `Path(__file__).with_name("x.sql")`,
`BASE_DIR / ".env"` with `BASE_DIR = Path(__file__).parents[2]`: each evaluates to a path
relative to the project root once we know where the module sits. Discovery uses this to see
which module finds which resource; FM006 uses it to check (and fix) the same expression at the
module's new place. An expression we cannot follow evaluates to None and is left alone.

Written by hand on libcst nodes: no library evaluates path expressions without running them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

import libcst as cst

from forgeapi_migrate import pyast
from forgeapi_migrate.root_paths import ROOT, normalize, relative

_PATH_TYPES = frozenset({"Path", "PurePath", "PosixPath", "PurePosixPath"})
_SAME_PATH = frozenset({"resolve", "absolute", "expanduser"})
DIRNAMES = frozenset({"os.path.dirname", "path.dirname", "dirname"})
# A bare `join(...)` is `from os.path import join` (str.join is always a method call).
JOINS = frozenset({"os.path.join", "path.join", "join"})
_OS_SAME = frozenset({"abspath", "realpath", "normpath", "fspath", "str"})


@dataclass(frozen=True)
class Shape:
    """An expression read as `core` + `ups` steps up (`.parent`, `.parents[n]`, `dirname`)
    + literal `tail` segments joined on (`/ "a"`, `.joinpath("a")`, `os.path.join(x, "a")`)."""

    core: cst.BaseExpression
    ups: int
    up_style: str  # "parent", "parents", a dirname as spelled (`os.path.dirname`), or ""
    tail: tuple[str, ...]
    join_style: str  # "/", "joinpath", a join as spelled (`os.path.join`, `join`), or ""
    quote: str = '"'  # the quote of the tail's literals, kept in new ones


def dotted_name(node: cst.BaseExpression) -> str | None:
    """`a.b.c` for a pure chain of names; None for anything else (calls, subscripts...)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


def literal(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = pyast.evaluated_value(node)
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = literal(node.left), literal(node.right)
        return None if left is None or right is None else left + right
    return None


def _short(name: str | None) -> str | None:
    return None if name is None else name.rpartition(".")[2]


class Evaluator:
    """Evaluates path expressions of one module, placed at `module` (root-relative)."""

    def __init__(self, module: str, names: Mapping[str, PurePosixPath] | None = None) -> None:
        self.file = ROOT / module
        self.names: dict[str, PurePosixPath] = dict(names or {})

    def __call__(self, node: cst.BaseExpression) -> PurePosixPath | None:
        value = self._eval(node)
        return None if value is None else normalize(value)

    def _eval(self, node: cst.BaseExpression) -> PurePosixPath | None:
        if isinstance(node, cst.Name):
            return self.file if node.value == "__file__" else self.names.get(node.value)
        if isinstance(node, cst.Attribute) and node.attr.value == "parent":
            base = self._eval(node.value)
            return None if base is None else base.parent
        if isinstance(node, cst.Subscript):
            return self._parents(node)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
            base, segment = self._eval(node.left), literal(node.right)
            return None if base is None or segment is None else base / segment
        if isinstance(node, cst.Call):
            return self._call(node)
        return None

    def _parents(self, node: cst.Subscript) -> PurePosixPath | None:
        value = node.value
        if not (isinstance(value, cst.Attribute) and value.attr.value == "parents"):
            return None
        index = _index(node)
        base = self._eval(value.value)
        if base is None or index is None or index >= len(base.parents):
            return None
        return base.parents[index]

    def _call(self, node: cst.Call) -> PurePosixPath | None:
        func = node.func
        args = [a.value for a in node.args if a.keyword is None and not a.star]
        if len(args) != len(node.args):
            return None
        name = dotted_name(func)
        short = _short(name)
        if short in _PATH_TYPES or short in _OS_SAME or name in ("os.fspath", "str"):
            return self._eval(args[0]) if len(args) == 1 else None
        if name in DIRNAMES and len(args) == 1:
            base = self._eval(args[0])
            return None if base is None else base.parent
        if name in JOINS and args:
            return self._joined(self._eval(args[0]), args[1:])
        if not isinstance(func, cst.Attribute):
            return None
        method, base = func.attr.value, self._eval(func.value)
        if base is None:
            return None
        if method in _SAME_PATH and not args:
            return base
        if method == "joinpath":
            return self._joined(base, args)
        text = literal(args[0]) if len(args) == 1 else None
        if text is not None and method == "with_name":
            return base.with_name(text)
        if text is not None and method == "with_suffix":
            return base.with_suffix(text)
        return None

    def _joined(
        self, base: PurePosixPath | None, args: list[cst.BaseExpression]
    ) -> PurePosixPath | None:
        segments = [literal(a) for a in args]
        if base is None or any(s is None for s in segments):
            return None
        return base.joinpath(*(s for s in segments if s is not None))


def _index(node: cst.Subscript) -> int | None:
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    value = node.slice[0].slice.value
    return int(value.value) if isinstance(value, cst.Integer) else None


def shape(node: cst.BaseExpression) -> Shape:
    """Split an expression into core, steps up and literal tail (see `Shape`)."""
    tail: list[str] = []
    join_style = ""
    quote = '"'
    while True:
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
            segment = literal(node.right)
            if segment is None or join_style not in ("", "/"):
                break
            if isinstance(node.right, cst.SimpleString):
                quote = node.right.quote
            tail.insert(0, segment)
            node, join_style = node.left, "/"
            continue
        if isinstance(node, cst.Call) and not join_style:
            args = [literal(a.value) for a in node.args]
            name = dotted_name(node.func)
            is_joinpath = (
                isinstance(node.func, cst.Attribute) and node.func.attr.value == "joinpath"
            )
            if name in JOINS and len(args) > 1 and None not in args[1:]:
                tail = [a for a in args[1:] if a is not None]
                node, join_style = node.args[0].value, name
                continue
            if is_joinpath and args and None not in args:
                assert isinstance(node.func, cst.Attribute)
                tail = [a for a in args if a is not None]
                node, join_style = node.func.value, "joinpath"
                continue
        break
    ups, up_style = _steps_up(node)
    core = node
    for _ in range(ups if up_style != "parents" else 1):
        core = _step_inside(core)
    return Shape(core, ups, up_style, tuple(tail), join_style, quote)


def _steps_up(node: cst.BaseExpression) -> tuple[int, str]:
    if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Attribute):
        index = _index(node)
        if node.value.attr.value == "parents" and index is not None:
            return index + 1, "parents"
    count, style = 0, ""
    while True:
        if (
            isinstance(node, cst.Attribute)
            and node.attr.value == "parent"
            and style not in DIRNAMES
        ):
            node, count, style = node.value, count + 1, "parent"
        elif (
            isinstance(node, cst.Call)
            and dotted_name(node.func) in DIRNAMES
            and len(node.args) == 1
            and style not in ("parent", "parents")
        ):
            style = dotted_name(node.func) or ""
            node, count = node.args[0].value, count + 1
        else:
            return count, style


def _step_inside(node: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(node, cst.Subscript):
        assert isinstance(node.value, cst.Attribute)
        return node.value.value
    if isinstance(node, cst.Attribute):
        return node.value
    assert isinstance(node, cst.Call)
    return node.args[0].value


def build(shape_: Shape, ups: int, tail: tuple[str, ...]) -> cst.BaseExpression:
    """The expression of `shape_` with other steps up and another tail, in the same style."""
    node = shape_.core
    style = shape_.up_style or "parent"
    if style == "parents" and ups:
        index = cst.Index(cst.Integer(str(ups - 1)))
        node = cst.Subscript(
            value=cst.Attribute(node, cst.Name("parents")), slice=[cst.SubscriptElement(index)]
        )
    else:
        for _ in range(ups):
            if style in DIRNAMES:  # spelled as the module spells it (`from os.path import ...`)
                node = cst.Call(cst.parse_expression(style), [cst.Arg(node)])
            else:
                node = cst.Attribute(node, cst.Name("parent"))
    if not tail:
        return node
    strings = [cst.SimpleString(_quote(segment, shape_.quote)) for segment in tail]
    if shape_.join_style in JOINS:
        return cst.Call(
            cst.parse_expression(shape_.join_style), [cst.Arg(node), *map(cst.Arg, strings)]
        )
    if shape_.join_style == "joinpath":
        return cst.Call(cst.Attribute(node, cst.Name("joinpath")), [cst.Arg(s) for s in strings])
    for string in strings:
        node = cst.BinaryOperation(node, cst.Divide(), string)
    return node


def _quote(text: str, quote: str) -> str:
    quote = quote if quote in ("'", '"') else '"'
    return quote + text.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote


class PathExpressions(cst.CSTVisitor):
    """Every outermost expression that evaluates to a path built from `__file__`, with the
    names such expressions are bound to (`BASE_DIR = Path(__file__).parent`)."""

    def __init__(self, module: str) -> None:
        super().__init__()
        self.evaluate = Evaluator(module)
        self.found: list[tuple[cst.BaseExpression, PurePosixPath]] = []
        self.bound: dict[str, cst.BaseExpression] = {}  # name -> its defining expression
        self._twice: set[str] = set()

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            self._bind(node.targets[0].target.value, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if isinstance(node.target, cst.Name) and node.value is not None:
            self._bind(node.target.value, node.value)

    def _bind(self, name: str, value: cst.BaseExpression) -> None:
        if name in self.bound or name in self._twice:
            # bound twice: we cannot tell which value a use sees
            self._twice.add(name)
            self.bound.pop(name, None)
            self.evaluate.names.pop(name, None)
            return
        result = self.evaluate(value)
        if result is not None:
            self.bound[name] = value
            self.evaluate.names[name] = result

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.BaseExpression) and not isinstance(node, cst.Name | cst.Integer):
            result = self.evaluate(node)
            if result is not None:
                self.found.append((node, result))
                return False
        elif isinstance(node, cst.Name) and node.value in self.evaluate.names:
            self.found.append((node, self.evaluate.names[node.value]))
        return super().on_visit(node)


def file_relative_paths(module: str, data: bytes) -> list[str]:
    """The root-relative paths a module reaches through `__file__` (for discovery)."""
    if b"__file__" not in data:
        return []
    try:
        tree = cst.parse_module(data)
    except (cst.ParserSyntaxError, UnicodeDecodeError, LookupError, SyntaxError):
        return []  # reported by the transform stage with its line
    visitor = PathExpressions(module)
    tree.visit(visitor)
    return sorted({relative(path) for _, path in visitor.found})
