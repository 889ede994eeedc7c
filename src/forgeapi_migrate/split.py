"""Single-file layers (`app/models.py` with User, Item and Tag) split at symbol level.

Before planning, each such file is replaced, in memory, by what a layered package would
have had: one module per domain (`app/models/users.py`, ...), one for what several domains
share (`app/models/base.py`), and an `app/models/__init__.py` re-exporting every name. The
rest of the pipeline then treats it like any re-exporting layer package: the plan places the
pieces (`src/users/models.py`, `src/models.py`), FM004 points `models.User` and
`from app.models import User` at the real modules, FM001 and FM003 do the imports. Nothing
of this virtual package is ever written: the pieces are created, the file deleted.

A symbol's domain comes from, in order: the decorator of a route (`@users_router.get`), the
domain words in its name (`UserCreate`, `get_user_by_email`; several: the one its code uses
most), and for a name without a domain word, who uses it (one domain: that one; several:
shared). The assignment is shown in the plan and can be set in `[tool.forgeapi-migrate.symbols]`.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

import libcst as cst
from libcst.helpers import get_absolute_module_from_package_for_import

from forgeapi_migrate import naming, pyast
from forgeapi_migrate.codemods._helpers import is_docstring
from forgeapi_migrate.codemods._name_facts import NameFacts
from forgeapi_migrate.discover import Discovery, module_name
from forgeapi_migrate.errors import Finding

SHARED = ""  # the key of the piece for what several domains share
# The virtual module of the shared piece: `app/models/base.py` -> the layer's global module
# (`src/models.py`); a service layer's shared helpers -> `src/utils.py`.
SHARED_STEMS = {"crud": "utils", "services": "utils", "repositories": "utils"}
Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement


@dataclass
class _Symbol:
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


@dataclass(frozen=True)
class Split:
    path: str  # `app/models.py`
    assignments: tuple[tuple[str, int, str, str, bool], ...]  # (symbol, line, key, why, guessed)
    pieces: Mapping[str, str]  # piece key -> virtual path
    findings: tuple[Finding, ...] = ()  # import cycles between pieces it could not break


def split_layers(discovery: Discovery, overrides: Mapping[str, str]) -> Discovery:
    """The discovery with every multi-domain single-file layer replaced by its pieces."""
    files = discovery.single_file_layers()
    if not files:
        return discovery
    parsed = {path: _parse(discovery.sources[path]) for path in files}
    # A piece sits one level deeper than its file: its relative imports are made absolute
    # first (as FM001 would make them anyway), so `from . import models` keeps its meaning.
    trees = {
        path: tree.visit(_AbsoluteImports(module_name(path).rpartition(".")[0]))
        for path, tree in parsed.items()
        if tree is not None
    }
    vocabulary = _vocabulary(discovery, trees)
    symbols = {path: _symbols(tree) for path, tree in trees.items()}
    bound = {path: _bound_split_modules(tree, trees) for path, tree in trees.items()}
    outside = _outside_users(discovery, trees, vocabulary)
    _assign(symbols, bound, vocabulary, overrides, outside)
    sources = dict(discovery.sources)
    virtual: dict[str, str] = {}
    splits: list[Split] = []
    for path, tree in trees.items():
        keys = {s.domain or SHARED for s in symbols[path]}
        if len(keys - {SHARED}) < 2:
            continue  # one domain at most: the file moves whole, as before
        pieces, findings = _write_pieces(path, tree, symbols[path])
        del sources[path]
        sources.update(pieces)
        virtual.update({piece: path for piece in pieces})
        splits.append(
            Split(
                path,
                tuple(
                    (s.name, s.line, s.domain or SHARED, s.reason, s.guessed) for s in symbols[path]
                ),
                {key: _piece_path(path, key) for key in sorted(keys)},
                tuple(findings),
            )
        )
    if not splits:
        return discovery
    python_files = tuple(
        sorted((set(discovery.python_files) - set(virtual.values())) | set(virtual))
    )
    return replace(
        discovery,
        python_files=python_files,
        sources=sources,
        virtual=virtual,
        splits=tuple(splits),
    )


class _AbsoluteImports(cst.CSTTransformer):
    def __init__(self, package: str) -> None:
        super().__init__()
        self.package = package

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom:
        if not updated_node.relative:
            return updated_node
        module = get_absolute_module_from_package_for_import(self.package, updated_node)
        if module is None:
            return updated_node  # above the top package: left for FM001 to report
        return updated_node.with_changes(
            module=cst.parse_expression(module),
            relative=(),
            whitespace_after_from=cst.SimpleWhitespace(" "),
        )


def _parse(data: bytes) -> cst.Module | None:
    try:
        return cst.parse_module(data)
    except (cst.ParserSyntaxError, UnicodeDecodeError, LookupError, SyntaxError):
        return None  # reported by the transform stage with its line


# -- what the domains are ---------------------------------------------------------------------
def _vocabulary(discovery: Discovery, trees: Mapping[str, cst.Module]) -> dict[str, str]:
    """Singular word -> domain: the domains of the other modules (`api/routes/users.py`), and
    one per table class of the single-file layers (`class User(Base)` with `__tablename__`)."""
    vocabulary: dict[str, str] = {}
    for path in discovery.package_files():
        domain = _module_domain(discovery, path)
        if path not in trees and domain:
            vocabulary.setdefault(naming.singular(domain), domain)
    for tree in trees.values():
        for statement in tree.body:
            if isinstance(statement, cst.ClassDef) and _is_table(statement):
                word = _words(statement.name.value)[0]
                vocabulary.setdefault(word, _plural(word))
    return vocabulary


def _module_domain(discovery: Discovery, path: str) -> str | None:
    """The domain a module of the package belongs to by its path (None: a global module)."""
    parts = PurePosixPath(path).with_suffix("").parts
    placement = naming.classify(parts[1:] if parts[0] == discovery.package else parts)
    return placement.domain if placement.kind == "domain" else None


def _outside_users(
    discovery: Discovery, trees: Mapping[str, cst.Module], vocabulary: Mapping[str, str]
) -> dict[tuple[str, str], set[str | None]]:
    """(split file, symbol) -> the domains of the other modules of the package that use it
    (`crud.authenticate` in `api/routes/login.py`: login; None for a global module such as
    `api/deps.py`). Read with `ast`, and only in files that mention a split layer by name."""
    modules = {module_name(path): path for path in trees}
    stems = tuple(PurePosixPath(path).stem.encode() for path in trees)
    users: dict[tuple[str, str], set[str | None]] = {}
    for path in discovery.package_files():
        data = discovery.sources.get(path, b"")
        if path in trees or not any(stem in data for stem in stems):
            continue
        try:
            tree = pyast.parse(data)
        except (SyntaxError, ValueError):
            continue  # reported by the transform stage with its line
        domain = _module_domain(discovery, path)
        domain = vocabulary.get(naming.singular(domain), domain) if domain else None
        for reference in _references(tree, path, modules):
            users.setdefault(reference, set()).add(domain)
    return users


def _references(
    tree: ast.Module, path: str, modules: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """(split file, name) for `from app.crud import x` and for `crud.x` after `from app import
    crud` or `import app.crud as crud` (relative forms included)."""
    here = module_name(path)
    package = here if path.endswith("__init__.py") else here.rpartition(".")[0]
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            module = ".".join([*base, node.module] if node.level and node.module else base)
            module = module if node.level else node.module or ""
            for alias in node.names:
                if module in modules and alias.name != "*":
                    yield modules[module], alias.name
                elif f"{module}.{alias.name}" in modules:
                    bound[alias.asname or alias.name] = modules[f"{module}.{alias.name}"]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in modules:
                    bound[alias.asname] = modules[alias.name]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in bound
        ):
            yield bound[node.value.id], node.attr


def _table_name(node: cst.ClassDef) -> str:
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
                and isinstance(small.value.evaluated_value, str)
            ):
                return small.value.evaluated_value
    return node.name.value.lower()


def _is_table(node: cst.ClassDef) -> bool:
    """`class Item(ItemBase, table=True)` (SQLModel) or a class with `__tablename__`."""
    if any(k.keyword is not None and k.keyword.value == "table" for k in node.keywords):
        return True
    return "__tablename__" in cst.Module(body=[node]).code


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _words(name: str) -> list[str]:
    """`UserCreate` -> ["user", "create"], `get_items` -> ["get", "item"]."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return [naming.singular(w.lower()) for w in spaced.split("_") if w]


# -- the symbols of a file --------------------------------------------------------------------
class _Uses(cst.CSTVisitor):
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


def _uses(node: cst.CSTNode) -> _Uses:
    visitor = _Uses()
    node.visit(visitor)
    return visitor


def _symbols(tree: cst.Module) -> list[_Symbol]:
    symbols: list[_Symbol] = []
    line = 1 + sum(tree.code_for_node(h).count("\n") for h in tree.header)
    for index, statement in enumerate(tree.body):
        first = line + len(statement.leading_lines)  # its first decorator or keyword
        line += tree.code_for_node(statement).count("\n")
        for name, kind in _defines(statement):
            used = _uses(statement)
            symbol = _Symbol(
                name, index, first, kind, _words(name), used.names - {name}, used.attrs
            )
            if isinstance(statement, cst.FunctionDef | cst.ClassDef):
                for decorator in statement.decorators:
                    symbol.decorated_by |= _uses(decorator).names
            if isinstance(statement, cst.ClassDef):
                for base in statement.bases:
                    symbol.bases |= _uses(base).names
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


def _bound_split_modules(tree: cst.Module, trees: Mapping[str, cst.Module]) -> dict[str, str]:
    """Local name -> split file, for `from app import models` / `import app.models as m`."""
    modules = {module_name(path): path for path in trees}
    bound: dict[str, str] = {}
    for statement in tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                base = _dotted(small.module) if small.module else ""
                for alias in small.names:
                    full = f"{base}.{_dotted(alias.name)}" if base else _dotted(alias.name)
                    if full in modules:
                        bound[_binding(alias)] = modules[full]
    return bound


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _binding(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return _dotted(alias.name).split(".")[0]


# -- who goes where ---------------------------------------------------------------------------
def _assign(
    symbols: Mapping[str, list[_Symbol]],
    bound: Mapping[str, Mapping[str, str]],
    vocabulary: Mapping[str, str],
    overrides: Mapping[str, str],
    outside: Mapping[tuple[str, str], set[str | None]],
) -> None:
    by_name = {(path, s.name): s for path, group in symbols.items() for s in group}
    ambiguous: list[tuple[str, _Symbol, list[str]]] = []
    for path, group in symbols.items():
        for symbol in group:
            override = overrides.get(f"{path}:{symbol.name}")
            if override is not None:  # `item` or `items`: the domain of that word
                symbol.domain = vocabulary.get(naming.singular(override), override) or None
                symbol.reason = "set in [tool.forgeapi-migrate.symbols]"
                continue
            named = list(dict.fromkeys(vocabulary[w] for w in symbol.words if w in vocabulary))
            if len(named) == 1:
                symbol.domain, symbol.reason = named[0], f"its name says {named[0]}"
            elif named:
                ambiguous.append((path, symbol, named))
    for path, symbol, named in ambiguous:  # once every plain name is placed
        used = _domains_used(path, symbol, by_name, bound[path])
        best = max(named, key=lambda d: used[d])
        symbol.domain = best
        symbol.reason = f"its name says {' and '.join(named)}; uses {best} most"
        if sorted((used[d] for d in named), reverse=True)[1] == used[best]:
            symbol.reason = (  # nothing tells them apart: say so, do not guess silently
                f"its name says {' and '.join(named)} and it uses them alike: placed with the "
                "first; set it in [tool.forgeapi-migrate.symbols]"
            )
            symbol.guessed = True
    for path, group in symbols.items():  # decorators: a route goes with its router
        for symbol in group:
            routers = {
                by_name[(path, n)].domain for n in symbol.decorated_by if (path, n) in by_name
            }
            routers.discard(None)
            if len(routers) == 1 and symbol.reason != "set in [tool.forgeapi-migrate.symbols]":
                symbol.domain = routers.pop()
                symbol.reason = f"route of the {symbol.domain} router"
                symbol.guessed = False
    for path, group in symbols.items():  # no domain word: what it uses, then who uses it
        for symbol in group:
            if symbol.domain is not None or symbol.reason:
                continue
            needs = _domains_used(path, symbol, by_name, bound[path])
            users = _used_by(path, symbol.name, symbols, bound)
            users |= outside.get((path, symbol.name), set())
            if len(needs) == 1:
                symbol.domain = next(iter(needs))
                symbol.reason = f"it uses {symbol.domain}"
            elif len(users) == 1 and None not in users:
                symbol.domain = next(iter(users))
                symbol.reason = f"only {symbol.domain} uses it"
            else:
                symbol.reason = "shared by several domains" if users else "no domain uses it"


def _domains_used(
    path: str, symbol: _Symbol, by_name: Mapping[tuple[str, str], _Symbol],
    bound: Mapping[str, str],
) -> Counter[str]:  # fmt: skip
    counted: Counter[str] = Counter()
    for name in symbol.uses:
        other = by_name.get((path, name))
        if other is not None and other.domain:  # a base class says more than a field
            counted[other.domain] += 2 if name in symbol.bases else 1
    for module, name in symbol.attr_uses:
        other = by_name.get((bound.get(module, ""), name))
        if other is not None and other.domain:
            counted[other.domain] += 1
    return counted


def _used_by(
    path: str, name: str, symbols: Mapping[str, list[_Symbol]],
    bound: Mapping[str, Mapping[str, str]],
) -> set[str | None]:  # fmt: skip
    """The domains of the split symbols that use `name` (None: a shared one)."""
    users: set[str | None] = set()
    for other_path, group in symbols.items():
        aliases = {local for local, target in bound[other_path].items() if target == path}
        for symbol in group:
            here = other_path == path and name in symbol.uses and symbol.name != name
            there = any((a, name) in symbol.attr_uses for a in aliases)
            if here or there:
                users.add(symbol.domain)
    return users


# -- the pieces -------------------------------------------------------------------------------
def _piece_path(path: str, key: str) -> str:
    return str(PurePosixPath(path).with_suffix("") / f"{_stem(module_name(path), key)}.py")


def _stem(package: str, key: str) -> str:
    """The module name of a piece of the split layer `package` (`app.crud`)."""
    return key or SHARED_STEMS.get(package.rpartition(".")[2], "base")


def _write_pieces(
    path: str, tree: cst.Module, symbols: list[_Symbol]
) -> tuple[dict[str, bytes], list[Finding]]:
    home = {s.name: s.domain or SHARED for s in symbols}
    kinds = {s.name: s.kind for s in symbols}
    lines = {s.name: s.line for s in symbols}
    statement_key = {s.index: s.domain or SHARED for s in symbols}
    imports, checking, header, others = _layout(tree, statement_key)
    future = any(isinstance(s, cst.SimpleStatementLine) and _is_future(s) for s in header)
    tables = {  # class -> table name
        s.name: _table_name(_statement(tree, s.index))
        for s in symbols
        if s.kind == "class" and _is_table(_statement(tree, s.index))
    }
    package = module_name(path)
    facts = NameFacts.of(tree)
    keys = sorted(set(home.values()) | ({SHARED} if others else set()))
    bodies: dict[str, list[Statement]] = {}
    for key in keys:
        body = [s for i, s in enumerate(tree.body) if statement_key.get(i) == key]
        bodies[key] = sorted([*body, *others], key=lambda s: _index(tree, s)) if key else body
    uses = {key: _use_kinds(bodies[key], tables) for key in keys}
    foreign = {key: {n for n in uses[key] if home.get(n, key) != key} for key in keys}
    graph = {key: {home[n] for n in foreign[key]} for key in keys}
    findings: list[Finding] = []
    pieces: dict[str, bytes] = {}
    for key in keys:
        body = bodies[key]
        # A function or value of another piece is reached through its module, as it was
        # through this one: a patch of `app.crud.get_datetime_utc` must still reach every use.
        through_module = {n for n in foreign[key] if kinds[n] != "class" and facts.bindings[n] == 1}
        # Where two pieces need each other, a class is imported for type checkers only when
        # only annotations name it, and reached through its module from function bodies.
        type_only: set[str] = set()
        deferred: set[str] = set()
        for name in sorted(foreign[key]):
            if not _reaches(graph, home[name], key):
                continue  # no cycle
            used = uses[key][name]
            if "eager" in used:
                findings.append(_cycle_finding(path, lines, name, key, home[name]))
            elif kinds[name] == "class":
                type_only |= {name} if "typing" in used else set()
                deferred |= {name} if "deferred" in used else set()
        if type_only and not future:  # evaluated at import without the __future__ import
            body = [_through(s, _QuoteAnnotations(type_only)) for s in body]
        reached = through_module | deferred
        aliases = {
            piece: _module_alias(path, piece, facts.in_use)
            for piece in sorted({home[n] for n in reached})
        }
        if reached:
            targets = {n: aliases[home[n]] for n in reached}
            body = [_through(s, _ThroughModule(targets, keep_annotations=deferred)) for s in body]
        needed = set(uses[key]) | ({"TYPE_CHECKING"} if type_only else set())
        local = _filtered_imports(imports, needed)
        if type_only and not any("TYPE_CHECKING" in _bindings(line) for line in local):
            local.insert(0, _typing_import(local))
        cross = _cross_imports(package, foreign[key] - reached - type_only, home)
        cross += [
            cst.parse_statement(f"from {package} import {_stem(package, piece)} as {alias}\n")
            for piece, alias in aliases.items()
        ]
        guarded = [
            *_filtered_imports(_inner_imports(checking), needed),
            *_cross_imports(package, type_only, home),
        ]
        if guarded:
            cross.append(_type_checking_block(guarded, checking))
        runtime = {home[n] for n in foreign[key] - type_only}
        named = _string_words(body) | _uses(cst.Module(body=list(body))).names
        table_pieces = {home[c] for c, table in tables.items() if {c, table} & named}
        body += _end_imports(
            package, path, sorted(table_pieces - {key} - runtime), facts.in_use,
            "# Registers the tables named above before the mappers configure.",
        )  # fmt: skip
        if key == SHARED:
            body += _end_imports(
                package, path, _decorated_pieces(symbols, home), facts.in_use,
                "# Registers the routes (and other functions) that the pieces below decorate"
                " with the objects above.",
            )  # fmt: skip
        if local and cross:  # the new imports form a group of their own
            cross[0] = cross[0].with_changes(leading_lines=[cst.EmptyLine()])
        exported = _exports(tree, home, key)
        new_body = _spaced([*header, *local, *cross, *exported, *body], len(header))
        pieces[_piece_path(path, key)] = tree.with_changes(body=new_body).bytes
    init = [
        f"from {package}.{_stem(package, key)} import "
        + ", ".join(sorted(n for n, k in home.items() if k == key))
        + "\n"
        for key in keys
        if any(k == key for k in home.values())
    ]
    init += _reexported_imports(imports, package)
    pieces[str(PurePosixPath(path).with_suffix("") / "__init__.py")] = "".join(init).encode()
    return pieces, findings


def _end_imports(
    package: str, path: str, pieces: Sequence[str], taken: set[str], comment: str
) -> list[Statement]:
    """Imports of other pieces at the end of a piece, for what importing the single file used
    to do in one go: register every table its mappers name (`relationship("Item")`), every
    route decorated with its router. At the end, so that no import cycle can bite."""
    lines: list[Statement] = [
        cst.parse_statement(
            f"from {package} import {_stem(package, piece)} as "
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


def _decorated_pieces(symbols: Sequence[_Symbol], home: Mapping[str, str]) -> list[str]:
    """The pieces with a function decorated by an object of the shared piece (`@router.get`
    with one `router` for every domain), in the file's order."""
    pieces: list[str] = []
    for symbol in sorted(symbols, key=lambda s: s.index):
        key = symbol.domain or SHARED
        shared_decorator = any(home.get(name, key) == SHARED for name in symbol.decorated_by)
        if key != SHARED and key not in pieces and shared_decorator:
            pieces.append(key)
    return pieces


class _StringWords(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.words: set[str] = set()

    def visit_Expr(self, node: cst.Expr) -> bool:
        return False  # a docstring names nothing

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if isinstance(value, str):
            self.words.update(re.findall(r"[A-Za-z_]\w*", value))


def _string_words(body: Sequence[Statement]) -> set[str]:
    visitor = _StringWords()
    cst.Module(body=list(body)).visit(visitor)
    return visitor.words


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
    here, there = _stem(package, key), _stem(package, other)
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
        if self.in_body or not self.names & _uses(expression).names:
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
    placement = naming.classify((layer, _stem(module_name(path), key)))
    role = placement.role or layer
    alias = naming.module_alias(key, role, "singular") if key else role
    return alias if alias not in taken else f"{layer}_{_stem(module_name(path), key)}"


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
        if _is_import_line(statement):
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
        and _dotted(statement.test).split(".")[-1] == "TYPE_CHECKING"
        and isinstance(statement.body, cst.IndentedBlock)
        and all(_is_import_line(s) for s in statement.body.body)
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
        _binding(alias)
        for small in line.body
        if isinstance(small, cst.Import | cst.ImportFrom)
        and not isinstance(small.names, cst.ImportStar)
        for alias in small.names
    }


def _is_import_line(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, cst.Import | cst.ImportFrom) for s in statement.body
    )


def _is_future(statement: cst.SimpleStatementLine) -> bool:
    return any(
        isinstance(s, cst.ImportFrom) and s.module is not None and _dotted(s.module) == "__future__"
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
            names = [
                e.value.evaluated_value
                for e in value.elements
                if isinstance(e.value, cst.SimpleString)
                and isinstance(e.value.evaluated_value, str)
            ]
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
            aliases = [a for a in small.names if _binding(a) in needed]
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
        cst.parse_statement(f"from {package}.{_stem(package, piece)} import {', '.join(names)}\n")
        for piece, names in sorted(by_piece.items())
    ]


def _reexported_imports(imports: Iterable[cst.SimpleStatementLine], package: str) -> list[str]:
    """Names the file imported from its own package (`from app.database import Base`) stay
    reachable through it, as they were (`models.Base`)."""
    root = package.split(".")[0]
    lines: list[str] = []
    for line in imports:
        for small in line.body:
            if (
                isinstance(small, cst.ImportFrom)
                and small.module is not None
                and not small.relative
                and _dotted(small.module).split(".")[0] == root
                and _dotted(small.module) != root  # `from app import crud`: a module
                and not isinstance(small.names, cst.ImportStar)
            ):
                names = ", ".join(
                    _dotted(a.name) + (f" as {_binding(a)}" if a.asname else "")
                    for a in small.names
                )
                lines.append(f"from {_dotted(small.module)} import {names}\n")
    return lines


def split_notes(discovery: Discovery, new_paths: Mapping[str, str]) -> list[Finding]:
    """One note per symbol: where it goes (the plan shows them)."""
    notes: list[Finding] = []
    for split in discovery.splits:
        for name, line, key, why, guessed in split.assignments:
            piece = split.pieces.get(key, "")
            message = f"{name} -> {new_paths.get(piece, piece)} ({why})"
            if guessed:
                notes.append(Finding(split.path, line, "FMS03", message, "warning"))
            else:
                notes.append(Finding(split.path, line, "FMS01", message, "info"))
        notes.extend(split.findings)
    return notes
