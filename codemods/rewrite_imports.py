"""FM001: every import of a moved module points at the module's new home.

Handles `import a.b`, `import a.b as c`, `from a.b import n`, `from a import b`
(a submodule), star imports, uses of `a.b.n` through a plain `import a.b`, and
relative imports inside the migrated package, which become absolute (their
relative position changes with the move, an absolute path reads the same
everywhere). Every local name keeps its binding: `from app.api.routes import users, items`
becomes `from src.users import router as users` + `from src.items import router as items`,
so a rewrite cannot make one name replace another. What cannot be rewritten
safely (an import of a package that the move dissolves) is left as it was and reported.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_absolute_module_from_package_for_import

from forgeapi_migrate.codemods import _prefilters
from forgeapi_migrate.codemods._helpers import (
    SplitsImportLines,
    absolute_import_from,
    alias_binding,
    dotted_name,
    dotted_node,
    find_imports,
    import_from,
    with_commas,
)
from forgeapi_migrate.codemods._name_facts import NameFacts
from forgeapi_migrate.plan import MigrationPlan

_MISSING = "<missing>"


class RewriteImports(SplitsImportLines):
    ID = "FM001"
    DESCRIPTION = (
        "Point every import of a moved module at its new home (relative ones made absolute)."
    )

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        return _prefilters.rewrite_imports(path, data, plan)

    def visit_Module(self, node: cst.Module) -> None:
        self.moves = self.plan.module_map
        self.along: set[int] = set()
        self.rewrite_chains = any(
            alias.asname is None and self.plan.owns_module(dotted_name(alias.name) or "")
            for imp in find_imports(node, self.along)
            if isinstance(imp, cst.Import)
            for alias in imp.names
        )
        self.chain_targets: dict[cst.Attribute, str] = {}
        self.whole_packages = self._whole_packages(node) if self.rewrite_chains else set()

    def _whole_packages(self, tree: cst.Module) -> set[str]:
        """Source roots that plain imports (`import app`, `import app.main`) bind and nothing
        else rebinds: there, `app.attr` (`app.__version__`) follows the package's new name."""
        plain: dict[str, int] = {}
        for imp in find_imports(tree):
            if isinstance(imp, cst.Import):
                for alias in imp.names:
                    root = (dotted_name(alias.name) or "").split(".")[0]
                    if alias.asname is None and root in self.plan.source_roots:
                        plain[root] = plain.get(root, 0) + 1
        bindings = NameFacts.of(tree).bindings
        return {root for root, count in plain.items() if bindings[root] == count}

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Without a plain `import app.x` there are no dotted uses to follow: walk only down
        # to the import statements (most of a tree is expressions and whitespace);
        # `leave_Import*` still sees each import below a walked line.
        if isinstance(node, cst.Module) or self.rewrite_chains or id(node) in self.along:
            return super().on_visit(node)
        return False

    def _lookup(self, module: str) -> str | None:
        return self.moves.get(module, _MISSING)

    # -- import a.b.c [as d] ---------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        names = []
        for alias in updated_node.names:
            old = dotted_name(alias.name) or ""
            new = self._lookup(old) if self.plan.owns_module(old) else _MISSING
            if new is None:
                self.report(
                    original_node,
                    f"`import {old}`: the package {old} is dissolved",
                    unresolved=True,
                )
            if new in (None, _MISSING, old):
                names.append(alias)
            else:
                names.append(alias.with_changes(name=dotted_node(new)))
        if names == list(updated_node.names):
            return updated_node
        self.rewrites += 1
        return updated_node.with_changes(names=names)

    # -- uses of a.b.c.name through a plain `import a.b.c` ------------------------------------
    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if not self.rewrite_chains:
            return False
        chain = dotted_name(node)
        if chain is None:
            return True  # e.g. `f(app.x.y).z`: look inside
        if not self.plan.owns_module(chain):
            return False
        parts = chain.split(".")
        smallest = 1 if parts[0] in self.whole_packages else 2
        for size in range(len(parts), smallest - 1, -1):
            new = self._lookup(".".join(parts[:size]))
            if new is None:
                self.report(
                    node,
                    f"`{chain}`: the package {'.'.join(parts[:size])} is dissolved",
                    unresolved=True,
                )
                return False
            if new != _MISSING:
                self.chain_targets[node] = ".".join([new, *parts[size:]])
                return False
        return False

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        new = self.chain_targets.get(original_node)
        if new is None or new == dotted_name(original_node):
            return updated_node
        self.rewrites += 1
        replacement = dotted_node(new)
        return replacement.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    # -- from a.b import c --------------------------------------------------------------------
    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom | cst.FlattenSentinel[cst.BaseSmallStatement]:
        module = self._absolute_module(updated_node)
        if module is None:
            return updated_node
        groups = self._group_names(original_node, updated_node, module)
        if groups is None:
            return updated_node
        if len(groups) == 1:
            ((new_module, aliases),) = groups.items()
            if new_module == module and not updated_node.relative and aliases is None:
                return updated_node
            self.rewrites += 1
            return _with_module(updated_node, new_module, aliases)
        self.rewrites += 1
        return cst.FlattenSentinel(
            [import_from(mod, aliases or []) for mod, aliases in groups.items()]
        )

    def _absolute_module(self, node: cst.ImportFrom) -> str | None:
        module = get_absolute_module_from_package_for_import(self.context.full_package_name, node)
        if module is None or not self.plan.owns_module(module):
            return None
        return module

    def _group_names(
        self, original: cst.ImportFrom, node: cst.ImportFrom, module: str
    ) -> dict[str, list[cst.ImportAlias] | None] | None:
        """New module -> the aliases imported from it (None: the names are unchanged)."""
        if isinstance(node.names, cst.ImportStar):
            new = self._lookup(module)
            if new is None:
                self.report(
                    original, f"`from {module} import *`: the package is dissolved", unresolved=True
                )
                return None
            return {module if new == _MISSING else new: None}
        groups: dict[str, list[cst.ImportAlias]] = {}
        unchanged = True
        for alias in node.names:
            name = dotted_name(alias.name) or ""
            submodule = self._lookup(f"{module}.{name}")
            if submodule is not None and submodule != _MISSING:
                parent, _, leaf = submodule.rpartition(".")
                bound = alias_binding(alias)
                asname = None if bound == leaf else cst.AsName(name=cst.Name(bound))
                groups.setdefault(parent, []).append(
                    alias.with_changes(name=cst.Name(leaf), asname=asname)
                )
                unchanged = unchanged and parent == module and leaf == name
                continue
            passed_on = self.plan.passed_on.get(f"{module}.{name}")
            if passed_on is not None:  # from the module that defines it (see `passed_on`)
                real, _, attribute = passed_on.partition(":")
                bound = alias_binding(alias)
                asname = None if bound == attribute else cst.AsName(name=cst.Name(bound))
                groups.setdefault(real, []).append(
                    alias.with_changes(name=cst.Name(attribute), asname=asname)
                )
                unchanged = False
                continue
            home = self._lookup(module)
            if submodule is None or home is None:
                gone = f"{module}.{name}" if submodule is None else module
                self.report(
                    original, f"`from {module} import {name}`: {gone} is dissolved", unresolved=True
                )
                return None
            home = module if home == _MISSING else home
            groups.setdefault(home, []).append(alias)
        if len(groups) == 1 and unchanged:
            return {next(iter(groups)): None}
        return dict(groups)


def _with_module(
    node: cst.ImportFrom, module: str, aliases: list[cst.ImportAlias] | None
) -> cst.ImportFrom:
    node = absolute_import_from(node, module)
    if aliases is not None:
        node = node.with_changes(names=with_commas(aliases, keep_last=node.lpar is not None))
    return node
