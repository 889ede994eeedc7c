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

Here: finding the files, the domains and who goes where. What a file defines is read in
`split_symbols.py`; the pieces are written in `split_pieces.py`.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

import libcst as cst
from libcst.helpers import get_absolute_module_from_package_for_import

from forgeapi_migrate import naming, pyast
from forgeapi_migrate.codemods._helpers import absolute_import_from, alias_binding, dotted_name
from forgeapi_migrate.discover import Discovery, module_name
from forgeapi_migrate.errors import Finding
from forgeapi_migrate.split_pieces import piece_path, write_pieces
from forgeapi_migrate.split_symbols import (
    SHARED,
    Symbol,
    is_table,
    name_words,
    plural,
    rebuilt_classes,
    string_words,
    top_level_symbols,
)


@dataclass(frozen=True)
class Split:
    path: str  # `app/models.py`
    assignments: tuple[tuple[str, int, str, str, bool], ...]  # (symbol, line, key, why, guessed)
    pieces: Mapping[str, str]  # piece key -> virtual path
    findings: tuple[Finding, ...] = ()  # import cycles between pieces it could not break

    def labels(self) -> dict[str, str]:
        """How the plan shows each piece: `app/crud.py (users)`, `app/crud.py (shared)`."""
        return {path: f"{self.path} ({key or 'shared'})" for key, path in self.pieces.items()}


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
    symbols = {path: top_level_symbols(tree) for path, tree in trees.items()}
    bound = {path: _bound_split_modules(tree, trees) for path, tree in trees.items()}
    outside = _outside_users(discovery, trees, vocabulary)
    _assign(symbols, bound, vocabulary, overrides, outside)
    for path, tree in trees.items():
        _rebuilt_with_their_references(tree, symbols[path], overrides, path)
    sources = dict(discovery.sources)
    virtual: dict[str, str] = {}
    splits: list[Split] = []
    for path, tree in trees.items():
        keys = {s.domain or SHARED for s in symbols[path]}
        if len(keys - {SHARED}) < 2:
            continue  # one domain at most: the file moves whole, as before
        pieces, findings = write_pieces(path, tree, symbols[path])
        del sources[path]
        sources.update(pieces)
        virtual.update({piece: path for piece in pieces})
        splits.append(
            Split(
                path,
                tuple(
                    (s.name, s.line, s.domain or SHARED, s.reason, s.guessed) for s in symbols[path]
                ),
                {key: piece_path(path, key) for key in sorted(keys)},
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
        return absolute_import_from(updated_node, module)


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
            if isinstance(statement, cst.ClassDef) and is_table(statement):
                word = name_words(statement.name.value)[0]
                vocabulary.setdefault(word, plural(word))
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


def _bound_split_modules(tree: cst.Module, trees: Mapping[str, cst.Module]) -> dict[str, str]:
    """Local name -> split file, for `from app import models` / `import app.models as m`."""
    modules = {module_name(path): path for path in trees}
    bound: dict[str, str] = {}
    for statement in tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                base = (dotted_name(small.module) or "") if small.module else ""
                for alias in small.names:
                    name = dotted_name(alias.name) or ""
                    full = f"{base}.{name}" if base else name
                    if full in modules:
                        bound[alias_binding(alias)] = modules[full]
    return bound


# -- who goes where ---------------------------------------------------------------------------
def _assign(
    symbols: Mapping[str, list[Symbol]],
    bound: Mapping[str, Mapping[str, str]],
    vocabulary: Mapping[str, str],
    overrides: Mapping[str, str],
    outside: Mapping[tuple[str, str], set[str | None]],
) -> None:
    by_name = {(path, s.name): s for path, group in symbols.items() for s in group}
    ambiguous: list[tuple[str, Symbol, list[str]]] = []
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


def _rebuilt_with_their_references(
    tree: cst.Module, symbols: list[Symbol], overrides: Mapping[str, str], path: str
) -> None:
    """`UserRead.update_forward_refs()` at the module's end resolves `List["Item"]` at import
    time, in the module that defines UserRead: split from Item, it would need Item's piece
    while that piece needs its own (a cycle at import time). So such a class goes with the
    one other domain whose classes its forward references name."""
    classes = {s.name: s for s in symbols if s.kind == "class"}
    for name in rebuilt_classes(tree):
        symbol = classes.get(name)
        if symbol is None or f"{path}:{name}" in overrides:
            continue
        statement = tree.body[symbol.index]
        named = {classes[w].domain for w in string_words([statement]) if w in classes}
        others = named - {symbol.domain, None}
        if len(others) == 1:
            symbol.domain = others.pop()
            symbol.reason = (
                f"its forward references, resolved at import, name {symbol.domain}'s classes"
            )


def _domains_used(
    path: str, symbol: Symbol, by_name: Mapping[tuple[str, str], Symbol],
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
    path: str, name: str, symbols: Mapping[str, list[Symbol]],
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
