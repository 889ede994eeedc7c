"""FM004: uses of a dissolved re-exporting package point at the modules that define the names.

When `app/models/__init__.py` only re-exports (`from .user import User`), the migration
dissolves the package, so its users must name the real modules. This runs before FM001 and
writes old module paths, which FM001 then moves:

* `from app.models import User, Item` -> `from app.models.user import User` +
  `from app.models.item import Item`;
* `from app import models` + `models.User`, `schemas.User` -> one module alias per real
  module (`from app.models import user as user_models` + `user_models.User`), so a model and
  a schema of the same name stay distinct; an import kept only for its side effects
  (registering every model) imports every module of the package;
* `from app.models import *` -> a star import from each real module.

A use it cannot follow safely (the package object passed around, `monkeypatch.setattr(crud,
"x", f)`, a name the package does not export) leaves the import as it was, reported.

The uses of a package object come from libcst's scope analysis (several parses' worth of
time) only where they are not plain: a package object imported at module level, bound once
in the whole file, named in no string, and read only as `package.Name` for names it
re-exports from a module of ours has its uses from one read-only walk (`_name_facts.py`);
`tests/codemods/test_resolve_reexports.py` checks that both give the same rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import libcst as cst
from libcst.helpers import get_absolute_module_from_package_for_import
from libcst.metadata import CodeRange, ParentNodeProvider, PositionProvider, ScopeProvider

from forgeapi_migrate import naming, pyast
from forgeapi_migrate.codemods import _prefilters
from forgeapi_migrate.codemods._helpers import (
    FileContext,
    SplitsImportLines,
    alias_binding,
    dotted_name,
    dotted_node,
    find_imports,
    import_alias,
    import_from,
    replacing_statement,
)
from forgeapi_migrate.codemods._name_facts import NameFacts
from forgeapi_migrate.plan import MigrationPlan

# A package object's plain uses: each `package.Name` (the use, its attribute node)
PlainUses = list[tuple[cst.Name, cst.Attribute]]


class ResolveReexports(SplitsImportLines):
    ID = "FM004"
    DESCRIPTION = "Point uses of a dissolved re-exporting package at the defining modules."
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider, PositionProvider)

    def __init__(self, context: FileContext, plan: MigrationPlan) -> None:
        super().__init__(context, plan)
        # (import, binding) -> its uses, when they are plain (see `needs_metadata`)
        self.plain_uses: dict[tuple[cst.CSTNode, str], PlainUses] = {}
        self.facts: NameFacts | None = None
        self.scoped = True  # False: no scope analysis; the tree is walked `along` the edits
        self.along: set[int] | None = None

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        return _prefilters.resolve_reexports(path, data, plan)

    def wants(self, tree: cst.Module) -> bool:
        return any(
            self._absolute(node) is not None
            if isinstance(node, cst.ImportFrom)
            else self._imported_package(node) is not None
            for node in find_imports(tree)
        )

    def needs_metadata(self) -> bool:
        """Scope analysis only for a file with a package object whose uses are not plain."""
        assert self._tree is not None
        self.scoped = False
        bindings = list(self._package_bindings(self._tree))
        if not bindings:
            return False
        facts = self.facts = NameFacts.of(self._tree)
        top_level = {
            id(s) for line in self._tree.body if isinstance(line, cst.SimpleStatementLine)
            for s in line.body
        }  # fmt: skip
        module_heads = {id(_head(s.module)) for s in find_imports(self._tree)
                        if isinstance(s, cst.ImportFrom) and s.module is not None}  # fmt: skip
        for statement, bound, package in bindings:
            uses = (
                self._plain(facts, bound, package, module_heads)
                if id(statement) in top_level
                else None
            )
            if uses is None:
                self.plain_uses.clear()
                self.scoped = True
                return True
            self.plain_uses[(statement, bound)] = uses
        return False

    def _package_bindings(self, tree: cst.Module) -> Iterable[tuple[cst.CSTNode, str, str]]:
        """(import, binding, package) for each package object bound (see `_follow_uses`)."""
        for node in find_imports(tree):
            if isinstance(node, cst.Import):
                if (package := self._imported_package(node)) is not None:
                    yield node, alias_binding(node.names[0]), package
                continue
            module = self._absolute(node)
            if module is None or module in self.plan.reexports:
                continue
            assert not isinstance(node.names, cst.ImportStar)
            for name in node.names:
                package = f"{module}.{dotted_name(name.name)}"
                if package in self.plan.reexports:
                    yield node, alias_binding(name), package

    def _plain(
        self, facts: NameFacts, bound: str, package: str, module_heads: set[int]
    ) -> PlainUses | None:
        """Every use of `bound` with its `bound.Name` node, when no scope can shadow it (bound
        once in the file, named in no string) and each reads a name the package re-exports
        from a module of ours; else None. The first name of a `from x.y import` is no use."""
        if facts.bindings[bound] != 1 or facts.mentioned_in_a_string(bound):
            return None
        exports = self.plan.reexports[package]
        uses: PlainUses = []
        for use in facts.uses.get(bound, []):
            if id(use) in module_heads:
                continue
            parent = facts.parents.get(use)
            if not (
                isinstance(parent, cst.Attribute)
                and parent.value is use
                and self._final(exports.get(parent.attr.value)) is not None
            ):
                return None
            uses.append((use, parent))
        return uses

    def visit_Module(self, node: cst.Module) -> None:
        self._file_names: set[str] | None = None
        self.replacements: dict[cst.CSTNode, cst.BaseExpression] = {}
        self.statements: dict[cst.Import | cst.ImportFrom, list[cst.ImportFrom]] = {}
        self.kept_bindings: list[tuple[str, str]] = []  # (real module, local name)
        self.string_edits: dict[cst.CSTNode, dict[str, str]] = {}  # "models.User" -> ...
        # (import, binding) -> the facade module it binds instead (see `_used_as_object`)
        self.facade_bindings: dict[tuple[cst.CSTNode, str], str] = {}
        for statement in find_imports(node):
            if isinstance(statement, cst.ImportFrom):
                self._decide(statement)
            elif (package := self._imported_package(statement)) is not None:
                self._package_import(statement, package)
        self.along = None if self.scoped else self._along(node)

    def _along(self, module: cst.Module) -> set[int]:
        """Without scope analysis, the nodes above something to rewrite (only they are
        walked): the ancestors of each import statement and of each plain use."""
        along: set[int] = set()
        find_imports(module, along)
        for uses in self.plain_uses.values():
            for use, _ in uses:
                along.update(self.facts.ancestors[use] if self.facts is not None else ())
        return along

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.along is not None and id(node) not in self.along and type(node) is not cst.Module:
            return False  # nothing to rewrite below; leave_* still sees the node itself
        return super().on_visit(node)

    def _imported_package(self, node: cst.Import) -> str | None:
        """`import models` (a dissolved top-level layer package, used as `models.User`)."""
        if len(node.names) != 1:
            return None
        name = dotted_name(node.names[0].name) or ""
        return name if name in self.plan.reexports and "." not in name else None

    def _package_import(self, node: cst.Import, package: str) -> None:
        used: dict[str, str] = {}
        bound = alias_binding(node.names[0])
        if self._follow_uses(node, bound, package, used):
            self.statements[node] = self._grouped(used)
        elif (facade := self.facade_bindings.get((node, bound))) is not None:
            parent, _, leaf = facade.rpartition(".")
            self.statements[node] = [import_from(parent, [import_alias(leaf, bound)])]

    def _absolute(self, node: cst.ImportFrom) -> str | None:
        module = get_absolute_module_from_package_for_import(self.context.full_package_name, node)
        if module is None or not self.plan.owns_module(module):
            return None
        if module in self.plan.reexports:
            return module
        if isinstance(node.names, cst.ImportStar):
            return None
        names = (f"{module}.{dotted_name(a.name)}" for a in node.names)
        return module if any(n in self.plan.reexports for n in names) else None

    def _decide(self, node: cst.ImportFrom) -> None:
        module = self._absolute(node)
        if module is None:
            return
        if module in self.plan.reexports:
            self._names_from_package(node, module)
        else:
            self._package_objects(node, module)

    def _names_from_package(self, node: cst.ImportFrom, package: str) -> None:
        exports = self.plan.reexports[package]
        if isinstance(node.names, cst.ImportStar):
            modules = sorted({t.partition(":")[0] for t in exports.values()})
            own = [m for m in modules if self.plan.owns_module(m)]
            passed_on = {  # a library's names the package passed on: by name, as the star did
                n: t for n, t in exports.items() if not self.plan.owns_module(t.partition(":")[0])
            }
            self.statements[node] = [
                *(cst.ImportFrom(module=dotted_node(m), names=cst.ImportStar()) for m in own),
                *_by_module(passed_on, exclude_private=True),
            ]
            return
        groups: dict[str, list[cst.ImportAlias]] = {}
        for alias in node.names:
            name = dotted_name(alias.name) or ""
            if name not in exports:
                self.report(
                    node,
                    f"`{package}` does not re-export `{name}`; left as it was",
                    unresolved=True,
                )
                return
            module, _, attribute = (self._final(exports[name]) or exports[name]).partition(":")
            if not attribute:
                module, _, attribute = module.rpartition(".")
            groups.setdefault(module, []).append(import_alias(attribute, alias_binding(alias)))
        statements = [import_from(m, aliases) for m, aliases in groups.items()]
        if not any(self.plan.owns_module(m) for m in groups):
            # `from app.models import SQLModel` (sqlmodel's) also ran the package, registering
            # every table on SQLModel.metadata (Alembic's env.py): keep that
            used: dict[str, str] = {}
            self._keep_registrations(package, exports, set(), used)
            statements += self._grouped(used)
        self.statements[node] = statements

    def _package_objects(self, node: cst.ImportFrom, module: str) -> None:
        """`from app import models` (the package object) followed by `models.User`."""
        assert not isinstance(node.names, cst.ImportStar)
        kept: list[cst.ImportAlias] = []
        used: dict[str, str] = {}  # real module -> its alias
        facades: list[cst.ImportFrom] = []
        for name in node.names:
            package = f"{module}.{dotted_name(name.name)}"
            bound = alias_binding(name)
            if package not in self.plan.reexports:
                kept.append(name)
            elif not self._follow_uses(node, bound, package, used):
                facade = self.facade_bindings.get((node, bound))
                if facade is None:
                    return  # reported; the whole statement stays as it was
                parent, _, leaf = facade.rpartition(".")
                facades.append(import_from(parent, [import_alias(leaf, bound)]))
        statements = [import_from(module, kept)] if kept else []
        self.statements[node] = statements + facades + self._grouped(used)

    def _follow_uses(
        self, node: cst.Import | cst.ImportFrom, bound: str, package: str, used: dict[str, str]
    ) -> bool:
        """Plan the rewrite of every `bound.name`; False (reported) when one is unsafe. The
        uses are taken in source order, and nothing is planned unless the whole statement
        can follow: a file is never left half-rewritten."""
        exports = self.plan.reexports[package]
        uses: Sequence[tuple[cst.CSTNode, cst.CSTNode | None]] | None
        uses = self.plain_uses.get((node, bound))
        if uses is None:
            uses = self._scoped_uses(node, bound)
        if uses is None:
            self.report(node, f"`{bound}` is bound more than once; left as it was", unresolved=True)
            return False
        if not uses:  # imported for its side effects (registering models): import them all
            for real in sorted({target.partition(":")[0] for target in exports.values()}):
                if self.plan.owns_module(real):  # not the libraries it imported names from
                    self._alias_for(real, used)
            return True
        # (node, text in a string annotation or "") -> (real module, attribute)
        planned: dict[tuple[cst.CSTNode, str], tuple[str, str]] = {}
        missing: list[str] = []
        for use, parent in uses:
            patched = self._patched_attribute(use, parent, exports)
            if isinstance(use, cst.SimpleString):  # `"models.User"`, a string annotation
                if not self._plan_string(use, bound, exports, planned, missing):
                    return self._used_as_object(node, bound, package)
            elif patched is not None:  # setattr(crud, "get_user", fake): the defining module
                planned[(use, "")] = (patched, "")
            elif not (isinstance(parent, cst.Attribute) and parent.value is use):
                return self._used_as_object(node, bound, package)
            elif (target := self._final(exports.get(parent.attr.value))) is None:
                missing.append(parent.attr.value)  # or a library's, under the package's name
            else:
                real, _, attribute = target.partition(":")
                planned[(parent, "")] = (real, attribute)
        if missing and not self._keep_binding(node, bound, package, planned, missing, used):
            self.report(node, f"`{bound}` names no module of ours; left as it was", unresolved=True)
            return False
        self._plan_replacements(planned, used)
        self._keep_registrations(package, exports, {real for real, _ in planned.values()}, used)
        return True

    def _scoped_uses(
        self, node: cst.Import | cst.ImportFrom, bound: str
    ) -> list[tuple[cst.CSTNode, cst.CSTNode | None]] | None:
        """Every use of `bound` and its parent, in source order, from libcst's scope analysis;
        None when the name is bound more than once in the import's scope."""
        scope = self.get_metadata(ScopeProvider, node)
        assignments = list(scope.assignments[bound]) if scope is not None else []
        if len(assignments) != 1:
            return None
        uses = sorted(
            (access.node for access in assignments[0].references),
            key=lambda use: _position(self.get_metadata(PositionProvider, use, None)),
        )
        return [(use, self.get_metadata(ParentNodeProvider, use, None)) for use in uses]

    def _used_as_object(self, node: cst.Import | cst.ImportFrom, bound: str, package: str) -> bool:
        """`getattr(models, name)`: no import can name what it reads. The plan keeps such a
        package as a facade module (FMP08): the binding imports that instead; else reported."""
        if package in self.plan.facades:
            self.facade_bindings[(node, bound)] = self.plan.facades[package]
        else:
            self.report(node, f"`{bound}` is used as an object; left as it was", unresolved=True)
        return False

    def _final(self, target: str | None) -> str | None:
        """Where a re-exported name really lives: `app.crud` passing on `app.models:User`,
        itself a dissolved (split) package, means `app.models.users:User`. None for a
        library's name (`sqlmodel:SQLModel`): no module of ours to point at."""
        seen: set[str] = set()
        while target is not None and target not in seen:
            seen.add(target)
            real, _, attribute = target.partition(":")
            if not self.plan.owns_module(real):
                return None
            onward = self.plan.reexports.get(real, {}).get(attribute) if attribute else None
            if onward is None:
                return target
            target = onward
        return target

    def _plan_string(
        self, use: cst.SimpleString, bound: str, exports: Mapping[str, str],
        planned: dict[tuple[cst.CSTNode, str], tuple[str, str]], missing: list[str],
    ) -> bool:  # fmt: skip
        """Each `bound.name` in a string annotation; False when `bound` stands alone there."""
        for match in re.finditer(rf"(?<![\w.]){re.escape(bound)}\b(\.\w+)?", use.value):
            if match.group(1) is None:
                return False
            name = match.group(1)[1:]
            target = self._final(exports.get(name))
            if target is None:
                missing.append(name)
            else:
                real, _, attribute = target.partition(":")
                planned[(use, match.group())] = (real, attribute)
        return True

    def _plan_replacements(
        self, planned: Mapping[tuple[cst.CSTNode, str], tuple[str, str]], used: dict[str, str]
    ) -> None:
        for (target, text), (real, attribute) in planned.items():
            alias = self._alias_for(real, used)
            if text:
                new = f"{alias}.{attribute}" if attribute else alias
                self.string_edits.setdefault(target, {})[text] = new
                continue
            name = cst.Name(alias)
            self.replacements[target] = (
                cst.Attribute(value=name, attr=cst.Name(attribute)) if attribute else name
            )

    def _keep_binding(
        self, node: cst.Import | cst.ImportFrom, bound: str, package: str,
        planned: Mapping[tuple[cst.CSTNode, str], tuple[str, str]], missing: list[str],
        used: dict[str, str],
    ) -> bool:  # fmt: skip
        """`crud.get_book`, which the package never had (an AttributeError waiting for its
        call): the name stays bound, to the module the file uses most, so that the file
        still imports and fails where it failed before; reported."""
        own = (t.partition(":")[0] for t in self.plan.reexports[package].values())
        reals = [real for real, _ in planned.values()] or sorted(
            {real for real in own if self.plan.owns_module(real)}
        )
        if not reals:  # the package only passed on libraries' names: nothing of ours to bind
            return False
        counts = {real: reals.count(real) for real in reals}
        keep = min(counts, key=lambda real: (-counts[real], real))
        self.kept_bindings.append((keep, bound))
        names = ", ".join(f"`{bound}.{name}`" for name in dict.fromkeys(missing))
        self.report(
            node,
            f"{names} not found in {package}; `{bound}` kept, bound to "
            f"{self.plan.module_map.get(keep) or keep}",
            unresolved=True,
        )
        return True

    def _keep_registrations(
        self, package: str, exports: Mapping[str, str], reached: set[str], used: dict[str, str]
    ) -> None:
        own = {t.partition(":")[0] for t in exports.values() if t.startswith(f"{package}.")}
        if own and not reached & own:
            # Only names the package re-exported from elsewhere are used (`models.Base`), but
            # importing the package ran its modules (registering every table): keep that.
            for real in sorted(own):
                self._alias_for(real, used)

    def _patched_attribute(
        self, use: cst.CSTNode, parent: cst.CSTNode | None, exports: Mapping[str, str]
    ) -> str | None:
        """For `setattr(pkg, "name", value)` / `monkeypatch.setattr(pkg, "name", ...)`: the
        real module that defines `name`, which is what the patch must now change."""
        if not (isinstance(parent, cst.Arg) and parent.keyword is None):
            return None
        call = self.get_metadata(ParentNodeProvider, parent, None)
        if not isinstance(call, cst.Call) or len(call.args) < 2 or call.args[0] is not parent:
            return None
        func = dotted_name(call.func) or ""
        name = call.args[1].value
        if func.rpartition(".")[2] != "setattr" or not isinstance(name, cst.SimpleString):
            return None
        value = pyast.evaluated_value(name)
        target = exports.get(value) if isinstance(value, str) else None
        if target is None or ":" not in target:
            return None
        return target.partition(":")[0]

    def _alias_for(self, real: str, used: dict[str, str]) -> str:
        """A real module's alias, named after its new home (`src.users.models` -> `user_models`)."""
        if real not in used:
            new = (self.plan.module_map.get(real) or real).split(".")
            in_domain = len(new) == 3 and new[1] in self.plan.domains
            style = self.plan.alias_style
            alias = naming.module_alias(new[1], new[2], style) if in_domain else "_".join(new[1:])
            # never a name the file already has (`import time` beside `src.time`), other
            # than the package bindings this rewrite replaces
            taken = {*used.values(), *self._names_in_file()}
            if alias in taken:
                alias = "_".join(new) if "_".join(new) not in taken else f"{alias}_module"
            used[real] = alias
        return used[real]

    def _names_in_file(self) -> set[str]:
        """Every name the file binds or reads, less the package objects being replaced
        (computed once per file, on the first alias)."""
        if self._file_names is None:
            assert self._tree is not None
            facts = self.facts or NameFacts.of(self._tree)
            replaced = {bound for _, bound, _ in self._package_bindings(self._tree)}
            self._file_names = ({*facts.bindings} | {*facts.uses}) - replaced
        return self._file_names

    def _grouped(self, used: dict[str, str]) -> list[cst.ImportFrom]:
        """The imports of a rewritten statement, and the bindings it keeps (then cleared)."""
        pairs = [*used.items(), *self.kept_bindings]
        self.kept_bindings.clear()
        return _grouped(pairs)

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        return self.replacements.get(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self.replacements.get(original_node, updated_node)

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        value = updated_node.value
        for old, new in self.string_edits.get(original_node, {}).items():
            value = re.sub(rf"(?<![\w.]){re.escape(old)}\b", new, value)
        return updated_node.with_changes(value=value)

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.BaseSmallStatement | cst.FlattenSentinel[cst.BaseSmallStatement] | cst.RemovalSentinel:
        return self._replaced(original_node, updated_node)

    def leave_Import(
        self, original_node: cst.Import, updated_node: cst.Import
    ) -> cst.BaseSmallStatement | cst.FlattenSentinel[cst.BaseSmallStatement] | cst.RemovalSentinel:
        return self._replaced(original_node, updated_node)

    def _replaced(
        self, original_node: cst.Import | cst.ImportFrom, updated_node: cst.BaseSmallStatement
    ) -> cst.BaseSmallStatement | cst.FlattenSentinel[cst.BaseSmallStatement] | cst.RemovalSentinel:
        statements = self.statements.get(original_node)
        if statements is None:
            return updated_node
        self.rewrites += 1
        return replacing_statement(statements)


def _by_module(exports: Mapping[str, str], exclude_private: bool) -> list[cst.ImportFrom]:
    """`from module import name` lines for `{"name": "module:name"}`, one per module."""
    groups: dict[str, list[cst.ImportAlias]] = {}
    for name, target in sorted(exports.items()):
        if exclude_private and name.startswith("_"):
            continue
        module, _, attribute = target.partition(":")
        groups.setdefault(module, []).append(import_alias(attribute, name))
    return [import_from(m, aliases) for m, aliases in sorted(groups.items())]


def _head(module: cst.Attribute | cst.Name) -> cst.CSTNode:
    """The first name of a dotted module name (`app` of `app.models`)."""
    while isinstance(module, cst.Attribute):
        module = module.value  # type: ignore[assignment]
    return module


def _position(where: CodeRange | None) -> tuple[int, int]:
    return (where.start.line, where.start.column) if where is not None else (0, 0)


def _grouped(used: Iterable[tuple[str, str]]) -> list[cst.ImportFrom]:
    """`from parent import leaf as alias` per real module, one line per parent."""
    by_parent: dict[str, list[cst.ImportAlias]] = {}
    for real, alias in sorted(used):
        parent, _, leaf = real.rpartition(".")
        by_parent.setdefault(parent, []).append(import_alias(leaf, alias))
    return [import_from(parent, aliases) for parent, aliases in by_parent.items()]
