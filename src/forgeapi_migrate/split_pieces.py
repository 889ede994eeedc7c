"""Cutting a single-file layer into its pieces (see `split.py`): each piece takes the header,
the imports its code reads and its definitions in their order; references between pieces,
import cycles between them, and what importing the whole file used to register."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import libcst as cst

from forgeapi_migrate import naming, pyast
from forgeapi_migrate.codemods._helpers import (
    alias_binding,
    dotted_name,
    is_docstring,
    is_import_line,
)
from forgeapi_migrate.codemods._name_facts import NameFacts
from forgeapi_migrate.discover import module_name
from forgeapi_migrate.errors import Finding
from forgeapi_migrate.split_symbols import (
    SHARED,
    SHARED_STEMS,
    Statement,
    Symbol,
    is_table,
    names_used,
    rebuilds_models,
    string_words,
    table_name,
)


def piece_path(path: str, key: str) -> str:
    return str(PurePosixPath(path).with_suffix("") / f"{piece_stem(module_name(path), key)}.py")


def piece_stem(package: str, key: str) -> str:
    """The module name of a piece of the split layer `package` (`app.crud`)."""
    return key or SHARED_STEMS.get(package.rpartition(".")[2], "base")


def write_pieces(
    path: str, tree: cst.Module, symbols: list[Symbol]
) -> tuple[dict[str, bytes], list[Finding]]:
    """The pieces of one file (virtual path -> bytes, the re-exporting `__init__` included)
    and the import cycles between them that could not be broken."""
    cut = _Cut(path, tree, symbols)
    pieces = {piece_path(path, key): cut.piece(key) for key in cut.keys}
    pieces[str(PurePosixPath(path).with_suffix("") / "__init__.py")] = cut.init()
    return pieces, cut.findings


@dataclass
class _Cut:
    """One file being cut: what every piece needs to know about the others."""

    path: str
    tree: cst.Module
    symbols: list[Symbol]
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        tree, symbols = self.tree, self.symbols
        self.home = {s.name: s.domain or SHARED for s in symbols}
        self.kinds = {s.name: s.kind for s in symbols}
        self.lines = {s.name: s.line for s in symbols}
        statement_key = {s.index: s.domain or SHARED for s in symbols}
        self.imports, self.checking, self.header, others = _layout(tree, statement_key)
        self.future = any(
            isinstance(s, cst.SimpleStatementLine) and _is_future(s) for s in self.header
        )
        self.tables = {  # class -> table name
            s.name: table_name(_statement(tree, s.index))
            for s in symbols
            if s.kind == "class" and is_table(_statement(tree, s.index))
        }
        self.package = module_name(self.path)
        self.facts = NameFacts.of(tree)
        self.keys = sorted(set(self.home.values()) | ({SHARED} if others else set()))
        self.bodies: dict[str, list[Statement]] = {}
        for key in self.keys:
            body = [s for i, s in enumerate(tree.body) if statement_key.get(i) == key]
            if key:  # what defines no name goes with every domain piece, or with the one
                # piece whose symbols alone it names (`UserRead.update_forward_refs()`)
                body += [s for s in others if self._owner(s) in (None, key)]
            self.bodies[key] = sorted(body, key=lambda s: _index(tree, s))
        self.uses = {key: _use_kinds(self.bodies[key], self.tables) for key in self.keys}
        self.foreign = {
            key: {n for n in self.uses[key] if self.home.get(n, key) != key} for key in self.keys
        }
        self.graph = {key: {self.home[n] for n in self.foreign[key]} for key in self.keys}

    def _owner(self, statement: Statement) -> str | None:
        homes = {self.home[n] for n in names_used(statement).names if n in self.home}
        return homes.pop() if len(homes) == 1 and SHARED not in homes else None

    def piece(self, key: str) -> bytes:
        home, package = self.home, self.package
        body = self.bodies[key]
        # A function or value of another piece is reached through its module, as it was
        # through this one: a patch of `app.crud.get_datetime_utc` must still reach every use.
        through_module = {
            n for n in self.foreign[key] if self.kinds[n] != "class" and self.facts.bindings[n] == 1
        }
        type_only, deferred = self._cycle_breaks(key)
        if type_only and not self.future:  # evaluated at import without the __future__ import
            body = [_through(s, _QuoteAnnotations(type_only)) for s in body]
        reached = through_module | deferred
        aliases = {
            piece: _module_alias(self.path, piece, self.facts.in_use)
            for piece in sorted({home[n] for n in reached})
        }
        if reached:
            targets = {n: aliases[home[n]] for n in reached}
            body = [_through(s, _ThroughModule(targets, keep_annotations=deferred)) for s in body]
        needed = set(self.uses[key]) | ({"TYPE_CHECKING"} if type_only else set())
        local = _filtered_imports(self.imports, needed)
        if type_only and not any("TYPE_CHECKING" in _bindings(line) for line in local):
            local.insert(0, _typing_import(local))
        cross = _cross_imports(package, self.foreign[key] - reached - type_only, home)
        cross += [
            cst.parse_statement(f"from {package} import {piece_stem(package, piece)} as {alias}\n")
            for piece, alias in aliases.items()
        ]
        guarded = [
            *_filtered_imports(_inner_imports(self.checking), needed),
            *_cross_imports(package, type_only, home),
        ]
        if guarded:
            cross.append(_type_checking_block(guarded, self.checking))
        body = self._resolvable_forward_refs(key, body, self.foreign[key] - reached - type_only)
        body += self._registrations(
            key, body, runtime={home[n] for n in self.foreign[key] - type_only}
        )
        if local and cross:  # the new imports form a group of their own
            cross[0] = cross[0].with_changes(leading_lines=[cst.EmptyLine()])
        exported = _exports(self.tree, home, key)
        new_body = _spaced([*self.header, *local, *cross, *exported, *body], len(self.header))
        return self.tree.with_changes(body=new_body).bytes

    def _cycle_breaks(self, key: str) -> tuple[set[str], set[str]]:
        """Where two pieces need each other: the classes imported for type checkers only (only
        annotations name them) and those reached through their module from function bodies;
        a need at import time cannot be broken and is reported."""
        type_only: set[str] = set()
        deferred: set[str] = set()
        for name in sorted(self.foreign[key]):
            if not _reaches(self.graph, self.home[name], key):
                continue  # no cycle
            used = self.uses[key][name]
            if "eager" in used:
                self.findings.append(
                    _cycle_finding(self.path, self.lines, name, key, self.home[name])
                )
            elif self.kinds[name] == "class":
                type_only |= {name} if "typing" in used else set()
                deferred |= {name} if "deferred" in used else set()
        return type_only, deferred

    def _resolvable_forward_refs(
        self, key: str, body: list[Statement], imported: set[str]
    ) -> list[Statement]:
        """`UserRead.update_forward_refs()` (pydantic's `model_rebuild()`) looks the names of
        its string annotations (`List["Item"]`) up in the module, as the single file had them:
        the other pieces' classes it names are imported by name just before that call (by
        then this piece's own classes exist, so an import cycle back to it is harmless)."""
        at = next((i for i, s in enumerate(body) if rebuilds_models(s)), None)
        if at is None:
            return body
        named = string_words(body) | names_used(cst.Module(body=body)).names
        wanted = {  # `imported`: by name at the top already
            n for n in named - imported if self.kinds.get(n) == "class" and self.home[n] != key
        }
        lines = [
            line.with_changes(
                trailing_whitespace=cst.TrailingWhitespace(
                    whitespace=cst.SimpleWhitespace("  "), comment=cst.Comment("# noqa: E402")
                )
            )
            for line in _cross_imports(self.package, wanted, self.home)
            if isinstance(line, cst.SimpleStatementLine)
        ]
        return [*body[:at], *lines, *body[at:]]

    def _registrations(
        self, key: str, body: Sequence[Statement], runtime: set[str]
    ) -> list[Statement]:
        named = string_words(body) | names_used(cst.Module(body=list(body))).names
        table_pieces = {self.home[c] for c, table in self.tables.items() if {c, table} & named}
        lines = _end_imports(
            self.package, self.path, sorted(table_pieces - {key} - runtime), self.facts.in_use,
            "# Registers the tables named above before the mappers configure.",
        )  # fmt: skip
        if key == SHARED:
            lines += _end_imports(
                self.package, self.path, _decorated_pieces(self.symbols, self.home),
                self.facts.in_use,
                "# Registers the routes (and other functions) that the pieces below decorate"
                " with the objects above.",
            )  # fmt: skip
        return lines

    def init(self) -> bytes:
        """The virtual `__init__`: every name from its piece, and what the file imported
        from its own package (`models.Base`), as before."""
        lines = [
            f"from {self.package}.{piece_stem(self.package, key)} import "
            + ", ".join(sorted(n for n, k in self.home.items() if k == key))
            + "\n"
            for key in self.keys
            if any(k == key for k in self.home.values())
        ]
        lines += _reexported_imports(self.imports, self.package)
        return "".join(lines).encode()


def _end_imports(
    package: str, path: str, pieces: Sequence[str], taken: set[str], comment: str
) -> list[Statement]:
    """Imports of other pieces at the end of a piece, for what importing the single file used
    to do in one go: register every table its mappers name (`relationship("Item")`), every
    route decorated with its router. At the end, so that no import cycle can bite."""
    lines: list[Statement] = [
        cst.parse_statement(
            f"from {package} import {piece_stem(package, piece)} as "
            f"{_module_alias(path, piece, taken)}  # noqa: E402, F401\n"
        )
        for piece in pieces
    ]
    if lines:
        lines[0] = lines[0].with_changes(
            leading_lines=[
                cst.EmptyLine(), cst.EmptyLine(), cst.EmptyLine(comment=cst.Comment(comment))
            ]
        )  # fmt: skip
    return lines


def _decorated_pieces(symbols: Sequence[Symbol], home: Mapping[str, str]) -> list[str]:
    """The pieces with a function decorated by an object of the shared piece (`@router.get`
    with one `router` for every domain), in the file's order."""
    pieces: list[str] = []
    for symbol in sorted(symbols, key=lambda s: s.index):
        key = symbol.domain or SHARED
        shared_decorator = any(home.get(name, key) == SHARED for name in symbol.decorated_by)
        if key != SHARED and key not in pieces and shared_decorator:
            pieces.append(key)
    return pieces


def _statement(tree: cst.Module, index: int) -> cst.ClassDef:
    statement = tree.body[index]
    assert isinstance(statement, cst.ClassDef)
    return statement


def _reaches(graph: Mapping[str, set[str]], start: str, goal: str) -> bool:
    seen: set[str] = set()
    todo = [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return False


def _cycle_finding(path: str, lines: Mapping[str, int], name: str, key: str, other: str) -> Finding:
    package = module_name(path)
    here, there = piece_stem(package, key), piece_stem(package, other)
    return Finding(
        path,
        lines[name],
        "FMS02",
        f"{name} goes to the {there} piece, but the {here} piece needs it at import time "
        f"while {there} also needs {here}: an import cycle; keep them together in "
        "[tool.forgeapi-migrate.symbols]",
        unresolved=True,
    )


class _UseKinds(cst.CSTVisitor):
    """Where each name is read: "eager" (when the module is imported), "deferred" (when a
    function runs), "typing" (an annotation nothing evaluates at import: a function's, a
    table's, a local one; a pydantic field or a decorated function's signature is eager)."""

    def __init__(self, tables: Collection[str]) -> None:
        super().__init__()
        self.tables = tables
        self.kinds: dict[str, set[str]] = {}
        # (what a name counts as here, what an annotation counts as here)
        self.stack: list[tuple[str, str]] = [("eager", "typing")]

    def _inside(self, node: cst.CSTNode, context: str, annotation: str) -> None:
        self.stack.append((context, annotation))
        node.visit(self)
        self.stack.pop()

    def visit_Name(self, node: cst.Name) -> None:
        self.kinds.setdefault(node.value, set()).add(self.stack[-1][0])

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)  # `models.User`: the module, never the attribute name
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)  # `Field(default=...)`: never the keyword
        return False

    def visit_Annotation(self, node: cst.Annotation) -> bool:
        annotation = self.stack[-1][1]
        self._inside(node.annotation, annotation, annotation)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        for part in (*node.decorators, *node.bases, *node.keywords):
            part.visit(self)
        if self.stack[-1][0] == "deferred":
            self._inside(node.body, "deferred", "typing")
        else:  # SQLAlchemy resolves a table's annotations later; pydantic reads them now
            self._inside(
                node.body, "eager", "typing" if node.name.value in self.tables else "eager"
            )
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        for decorator in node.decorators:
            decorator.visit(self)
        context = self.stack[-1][0]
        # A decorator (a route, a validator) may read the signature when it is applied.
        signature = "typing" if context == "deferred" or not node.decorators else "eager"
        for param in _params(node.params):
            if param.annotation is not None:
                self._inside(param.annotation, signature, signature)
            if param.default is not None:
                param.default.visit(self)
        if node.returns is not None:
            self._inside(node.returns, signature, signature)
        self._inside(node.body, "deferred", "typing")
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        for param in _params(node.params):
            if param.default is not None:
                param.default.visit(self)
        self._inside(node.body, "deferred", "typing")
        return False


def _params(params: cst.Parameters) -> list[cst.Param]:
    star = [params.star_arg] if isinstance(params.star_arg, cst.Param) else []
    kwargs = [params.star_kwarg] if params.star_kwarg is not None else []
    return [*params.posonly_params, *params.params, *star, *params.kwonly_params, *kwargs]


def _use_kinds(body: Sequence[Statement], tables: Collection[str]) -> dict[str, set[str]]:
    visitor = _UseKinds(tables)
    cst.Module(body=body).visit(visitor)
    return visitor.kinds


class _QuoteAnnotations(cst.CSTTransformer):
    """`Mapped[list[Item]]` -> `"Mapped[list[Item]]"` where it names a class that is now
    imported for type checkers only (not in function bodies: nothing evaluates those)."""

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names
        self.in_body = 0

    def visit_FunctionDef_body(self, node: cst.FunctionDef) -> None:
        self.in_body += 1

    def leave_FunctionDef_body(self, node: cst.FunctionDef) -> None:
        self.in_body -= 1

    def leave_Annotation(
        self, original_node: cst.Annotation, updated_node: cst.Annotation
    ) -> cst.Annotation:
        expression = updated_node.annotation
        if self.in_body or not self.names & names_used(expression).names:
            return updated_node
        code = cst.Module(body=[]).code_for_node(expression)
        quote = next((q for q in ('"', "'") if q not in code), None)
        if quote is None:
            return updated_node
        return updated_node.with_changes(annotation=cst.SimpleString(f"{quote}{code}{quote}"))


def _through(statement: Statement, transformer: cst.CSTTransformer) -> Statement:
    result = statement.visit(transformer)
    assert isinstance(result, cst.SimpleStatementLine | cst.BaseCompoundStatement)
    return result


def _spaced(body: list[Statement], after: int) -> list[Statement]:
    """A blank line between the docstring and what now follows it, as before; none above
    the first statement of a file."""
    if 0 < after < len(body) and not body[after].leading_lines:
        body[after] = body[after].with_changes(leading_lines=[cst.EmptyLine()])
    if after == 0 and body:
        lines = list(body[0].leading_lines)
        while lines and lines[0].comment is None:
            lines.pop(0)
        body[0] = body[0].with_changes(leading_lines=lines)
    return body


def _module_alias(path: str, key: str, taken: set[str]) -> str:
    """What a piece is called where another piece of the same file reaches into it: its
    final module name (`service`, `models`), or the domain's alias (`user_service`)."""
    layer = PurePosixPath(path).stem
    placement = naming.classify((layer, piece_stem(module_name(path), key)))
    role = placement.role or layer
    alias = naming.module_alias(key, role, "singular") if key else role
    return alias if alias not in taken else f"{layer}_{piece_stem(module_name(path), key)}"


class _ThroughModule(cst.CSTTransformer):
    """`get_datetime_utc()` -> `service.get_datetime_utc()` for names of another piece (each
    bound once in the file, so no scope can shadow them); the names in `keep_annotations`
    stay as they are in annotations (imported there for type checkers)."""

    def __init__(self, targets: Mapping[str, str], keep_annotations: set[str]) -> None:
        super().__init__()
        self.targets = targets
        self.keep_annotations = keep_annotations
        self.in_annotation = 0

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self.in_annotation += 1

    def leave_Annotation(
        self, original_node: cst.Annotation, updated_node: cst.Annotation
    ) -> cst.Annotation:
        self.in_annotation -= 1
        return updated_node

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        return updated_node.with_changes(attr=original_node.attr)  # never the attribute name

    def leave_Arg(self, original_node: cst.Arg, updated_node: cst.Arg) -> cst.Arg:
        return updated_node.with_changes(keyword=original_node.keyword)

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        name = original_node.value
        alias = self.targets.get(name)
        if alias is None or (self.in_annotation and name in self.keep_annotations):
            return updated_node
        return cst.Attribute(value=cst.Name(alias), attr=cst.Name(name))


def _index(tree: cst.Module, statement: Statement) -> int:
    return next(i for i, s in enumerate(tree.body) if s is statement)


def _layout(
    tree: cst.Module, statement_key: Mapping[int, str]
) -> tuple[list[cst.SimpleStatementLine], list[cst.If], list[Statement], list[Statement]]:
    """Top-level imports; the `if TYPE_CHECKING:` blocks of imports; the docstring and
    `from __future__` (every piece gets them); and the statements that define no name (they
    go with the shared piece)."""
    imports: list[cst.SimpleStatementLine] = []
    checking: list[cst.If] = []
    header: list[Statement] = []
    others: list[Statement] = []
    for index, statement in enumerate(tree.body):
        if index in statement_key:
            continue
        if is_import_line(statement):
            assert isinstance(statement, cst.SimpleStatementLine)
            if _is_future(statement):
                header.append(statement)
            else:
                imports.append(statement)
        elif _is_type_checking_block(statement):
            assert isinstance(statement, cst.If)
            checking.append(statement)
        elif index == 0 and is_docstring(statement):
            header.append(statement)
        elif not _is_dunder_all(statement):
            others.append(statement)
    return imports, checking, header, others


def _inner_imports(blocks: Sequence[cst.If]) -> list[cst.SimpleStatementLine]:
    return [
        line
        for block in blocks
        for line in block.body.body
        if isinstance(line, cst.SimpleStatementLine)
    ]


def _is_type_checking_block(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.If)
        and statement.orelse is None
        and (dotted_name(statement.test) or "").split(".")[-1] == "TYPE_CHECKING"
        and isinstance(statement.body, cst.IndentedBlock)
        and all(is_import_line(s) for s in statement.body.body)
    )


def _type_checking_block(imports: Sequence[Statement], existing: Sequence[cst.If]) -> cst.If:
    """`if TYPE_CHECKING:` around these imports, spelled as the file spelled it."""
    test = existing[0].test if existing else cst.Name("TYPE_CHECKING")
    lines = [i.with_changes(leading_lines=[]) for i in imports]
    return cst.If(test=test, body=cst.IndentedBlock(body=lines))


def _typing_import(local: Sequence[cst.SimpleStatementLine]) -> cst.SimpleStatementLine:
    line = cst.parse_statement("from typing import TYPE_CHECKING\n")
    assert isinstance(line, cst.SimpleStatementLine)
    return line.with_changes(leading_lines=local[0].leading_lines if local else [])


def _bindings(line: cst.SimpleStatementLine) -> set[str]:
    return {
        alias_binding(alias)
        for small in line.body
        if isinstance(small, cst.Import | cst.ImportFrom)
        and not isinstance(small.names, cst.ImportStar)
        for alias in small.names
    }


def _is_future(statement: cst.SimpleStatementLine) -> bool:
    return any(
        isinstance(s, cst.ImportFrom)
        and s.module is not None
        and dotted_name(s.module) == "__future__"
        for s in statement.body
    )


def _exports(tree: cst.Module, home: Mapping[str, str], key: str) -> list[Statement]:
    """The piece's share of the file's `__all__` (a star import of a piece then exports
    what the file exported, not every name the piece imports)."""
    names: list[str] | None = None
    for statement in tree.body:
        if _is_dunder_all(statement):
            assert isinstance(statement, cst.SimpleStatementLine)
            small = statement.body[0]
            value = small.value if isinstance(small, cst.Assign) else None
            if not isinstance(value, cst.List | cst.Tuple):
                return []  # built some other way: left out, as before
            strings = [e.value for e in value.elements if isinstance(e.value, cst.SimpleString)]
            names = [n for n in map(pyast.evaluated_value, strings) if isinstance(n, str)]
    if names is None:
        return []
    mine = ", ".join(repr(n).replace("'", '"') for n in names if home.get(n) == key)
    line = cst.parse_statement(f"__all__ = [{mine}]\n")
    return [line.with_changes(leading_lines=[cst.EmptyLine()])]


def _is_dunder_all(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and "__all__" in {
        t.target.value
        for s in statement.body
        if isinstance(s, cst.Assign)
        for t in s.targets
        if isinstance(t.target, cst.Name)
    }


def _filtered_imports(
    imports: Iterable[cst.SimpleStatementLine], needed: set[str]
) -> list[cst.SimpleStatementLine]:
    """The import lines with only the names this piece reads (a star import is kept)."""
    kept: list[cst.SimpleStatementLine] = []
    carried: Sequence[cst.EmptyLine] = ()  # the blank lines (and comments) of a dropped line
    for line in imports:
        smalls: list[cst.BaseSmallStatement] = []
        for small in line.body:
            assert isinstance(small, cst.Import | cst.ImportFrom)
            if isinstance(small.names, cst.ImportStar):
                smalls.append(small)
                continue
            aliases = [a for a in small.names if alias_binding(a) in needed]
            if aliases:
                last = aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                aliases = [*aliases[:-1], last]
                if (
                    isinstance(small, cst.ImportFrom)
                    and small.lpar is not None
                    and len(aliases) < 2
                ):
                    small = small.with_changes(lpar=None, rpar=None)
                smalls.append(small.with_changes(names=aliases))
        if not smalls:
            carried = carried or line.leading_lines
            continue
        last_small = smalls[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        leading = line.leading_lines or carried
        kept.append(line.with_changes(body=[*smalls[:-1], last_small], leading_lines=leading))
        carried = ()
    return kept


def _cross_imports(package: str, names: set[str], home: Mapping[str, str]) -> list[Statement]:
    """Imports of the classes (by name) this piece reads from the other pieces."""
    by_piece: dict[str, list[str]] = {}
    for name in sorted(names):
        by_piece.setdefault(home[name], []).append(name)
    return [
        cst.parse_statement(
            f"from {package}.{piece_stem(package, piece)} import {', '.join(names)}\n"
        )
        for piece, names in sorted(by_piece.items())
    ]


def _reexported_imports(imports: Iterable[cst.SimpleStatementLine], package: str) -> list[str]:
    """Names the file imported (`from app.database import Base`, `from sqlmodel import
    SQLModel`) stay reachable through it, as they were (`models.Base`), from where they
    come."""
    root = package.split(".")[0]
    lines: list[str] = []
    for line in imports:
        for small in line.body:
            if (
                isinstance(small, cst.ImportFrom)
                and small.module is not None
                and not small.relative
                and dotted_name(small.module) != root  # `from app import crud`: a module
                and not isinstance(small.names, cst.ImportStar)
            ):
                names = ", ".join(
                    (dotted_name(a.name) or "") + (f" as {alias_binding(a)}" if a.asname else "")
                    for a in small.names
                )
                lines.append(f"from {dotted_name(small.module)} import {names}\n")
    return lines
