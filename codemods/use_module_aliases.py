"""FM003: a domain reaches another domain through that domain's modules, never loose names.

Inside `src/<a>/`, an import from another domain `b` takes one of two forms:

* a module alias, for functions, constants and modules:
  `from src.users.service import get_user` + `get_user(x)` becomes
  `from src.users import service as user_service` + `user_service.get_user(x)`;
  an existing module import gets the conventional alias (`as crud_user` -> `as user_service`);
* a class by name, when the class name already says its domain (`User`, `UserRead` from
  `users`); any other class gets a domain-prefixed name alias (`ErrorCode` from `posts` ->
  `ErrorCode as PostsErrorCode`). Classes stay names because they fill annotations, and
  SQLAlchemy resolves string annotations such as `Mapped["User"]` by class name.

Imports inside one domain, and imports of global modules (`src.config`, `src.database`, ...),
stay as they are. Every rewrite follows libcst's scope analysis: only the accesses bound to
that import change, never a shadowing local, a parameter, a keyword argument or an attribute
(a file whose imported names are bound nowhere else needs no scope analysis to know that, see
`_name_facts.py`).
A name bound more than once, re-exported through `__all__`, named by a patch string
(`mock.patch("src.posts.service.get_user")` must go on patching what the code uses), or used
where it cannot be rewritten is left alone and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_absolute_module_from_package_for_import
from libcst.metadata import Scope, ScopeProvider

from forgeapi_migrate import naming, pyast
from forgeapi_migrate.codemods import _prefilters
from forgeapi_migrate.codemods._alias_forms import (
    in_documented_form,
    is_class,
    reaches_other_domain,
)
from forgeapi_migrate.codemods._helpers import (
    SplitsImportLines,
    alias_binding,
    dotted_name,
    find_imports,
    import_alias,
    import_from,
    replacing_statement,
    with_commas,
)
from forgeapi_migrate.codemods._name_facts import NameFacts
from forgeapi_migrate.plan import MigrationPlan


@dataclass
class _Edit:
    """What becomes of one `from` statement."""

    keep: list[cst.ImportAlias] = field(default_factory=list)
    add: list[tuple[str, str, str]] = field(default_factory=list)  # (package, module, alias)


class UseModuleAliases(SplitsImportLines):
    ID = "FM003"
    DESCRIPTION = (
        "Import other domains through module aliases (`from src.b import service as b_service`)."
    )
    METADATA_DEPENDENCIES = (ScopeProvider,)

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        return _prefilters.use_module_aliases(path, data, plan)

    def visit_Module(self, node: cst.Module) -> None:
        self.edits: dict[cst.ImportFrom, _Edit] = {}
        self.import_edits: dict[cst.Import, cst.ImportFrom] = {}
        self.names: dict[cst.Name, cst.BaseExpression] = {}
        self.strings: dict[cst.SimpleString, list[tuple[str, str]]] = {}
        self.taken = self.facts.in_use
        self.exported = _dunder_all(node)
        self.present: dict[tuple[str, str], str] = {}
        top_level = {
            id(s)
            for line in node.body
            if isinstance(line, cst.SimpleStatementLine)
            for s in line.body
        }
        self._note_conventional_aliases(node, top_level)
        for statement in find_imports(node):
            if isinstance(statement, cst.ImportFrom):
                self._decide(statement, id(statement) in top_level)
            else:
                self._decide_import(statement)
        self.along = self._along(node) if self.simple else None

    def _note_conventional_aliases(self, tree: cst.Module, top_level: set[int]) -> None:
        """`from src.user_fields import dependencies as user_field_dependencies` already in
        the file, below an import of one of its names: that name is reached through it, not
        through a second import under another alias (a second run did that)."""
        for statement in find_imports(tree):
            parts = self._other_domain(statement) if isinstance(statement, cst.ImportFrom) else None
            if parts is None or len(parts) != 2 or id(statement) not in top_level:
                continue
            assert isinstance(statement, cst.ImportFrom)
            assert not isinstance(statement.names, cst.ImportStar)
            for alias in statement.names:
                module = dotted_name(alias.name) or ""
                conventional = naming.module_alias(parts[1], module, self.plan.alias_style)
                if alias_binding(alias) == conventional:
                    self.present.setdefault((parts[1], module), conventional)

    def _along(self, module: cst.Module) -> set[int]:
        """The nodes above something to rewrite (only they are walked, on the cheap path):
        the ancestors of each redirected name, and the lines of the edited imports."""
        along: set[int] = set()
        for name in self.names:
            along.update(self.facts.ancestors.get(name, ()))
        edited = {*map(id, self.edits), *map(id, self.import_edits)}
        along.update(
            id(line) for line in module.body
            if isinstance(line, cst.SimpleStatementLine) and any(id(s) in edited for s in line.body)
        )  # fmt: skip
        return along

    def _own_domain(self) -> str | None:
        module = self.context.full_module_name
        if module is None:
            return None
        new = self.plan.module_map.get(module) or module
        self.new_module = new
        parts = new.split(".")
        if (
            len(parts) >= 3
            and parts[0] == self.plan.target_package
            and parts[1] in self.plan.domains
        ):
            return parts[1]
        return None

    def wants(self, tree: cst.Module) -> bool:
        """Scope analysis is the costly part: only for files with an import of another domain
        that is not yet in one of the documented forms, and whose names are not simple."""
        self.domain = self._own_domain()
        imports = find_imports(tree)
        if self.domain is None or not any(
            self._needs_work(node) if isinstance(node, cst.ImportFrom) else self._as_import(node)
            for node in imports
        ):
            return False
        self.facts = NameFacts.of(tree)
        top_level = {
            id(s) for line in tree.body if isinstance(line, cst.SimpleStatementLine)
            for s in line.body
        }  # fmt: skip
        reaching = [
            node
            for node in imports
            if (
                self._other_domain(node)
                if isinstance(node, cst.ImportFrom)
                else self._as_import(node)
            )
        ]
        self.simple = all(
            id(node) in top_level
            and not isinstance(node.names, cst.ImportStar)
            and all(self._is_simple(alias_binding(alias)) for alias in node.names)
            for node in reaching
        )
        return True

    def _is_simple(self, name: str) -> bool:
        return self.facts.bindings[name] == 1 and not self.facts.mentioned_in_a_string(name)

    def needs_metadata(self) -> bool:
        return not self.simple

    def _as_import(self, node: cst.Import) -> list[str] | None:
        """`import src.<b>.<m> as x` for another domain b: parts, to become the `from` form."""
        if len(node.names) != 1 or node.names[0].asname is None:
            return None
        parts = (dotted_name(node.names[0].name) or "").split(".")
        return (
            parts
            if len(parts) == 3 and reaches_other_domain(parts, self.domain or "", self.plan)
            else None
        )

    def _decide_import(self, node: cst.Import) -> None:
        """`import src.users.service as us` -> `from src.users import service as user_service`."""
        parts = self._as_import(node)
        scope = self._scope(node)
        if parts is None or (scope is None and not self.simple):
            return
        bound = alias_binding(node.names[0])
        wanted = self._fresh_alias(node, parts[1], parts[2], bound)
        if bound == wanted or self._rename(node, scope, bound, wanted):
            self.import_edits[node] = import_from(
                ".".join(parts[:2]), [import_alias(parts[2], wanted)]
            )

    def _needs_work(self, node: cst.ImportFrom) -> bool:
        parts = self._other_domain(node)
        if parts is None or isinstance(node.names, cst.ImportStar):
            return False
        names = [(dotted_name(a.name) or "", alias_binding(a)) for a in node.names]
        return not in_documented_form(parts, names, self.plan.alias_style)

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Once the decisions are made, only a file with something to rewrite is walked.
        if isinstance(node, cst.Module):
            return super().on_visit(node)
        if not (self.edits or self.import_edits or self.names or self.strings):
            return False
        if self.along is not None and id(node) not in self.along:
            return False  # nothing to rewrite below; leave_* still sees the node itself
        return super().on_visit(node)

    def _other_domain(self, node: cst.ImportFrom) -> list[str] | None:
        """`src.<b>[.<module>]` parts when this import reaches into another domain b."""
        module = get_absolute_module_from_package_for_import(self.context.full_package_name, node)
        if module is None or isinstance(node.names, cst.ImportStar):
            return None
        parts = module.split(".")
        own = self.domain or ""
        return parts if reaches_other_domain(parts, own, self.plan) else None

    def _decide(self, node: cst.ImportFrom, top_level: bool) -> None:
        parts = self._other_domain(node)
        if parts is None or isinstance(node.names, cst.ImportStar):
            return
        domain = parts[1]
        scope = self._scope(node)
        if scope is None and not self.simple:
            return
        edit = _Edit()
        for alias in node.names:
            name = dotted_name(alias.name) or ""
            if len(parts) == 2:
                self._module_import(node, scope, alias, domain, name, edit)
            elif is_class(name):
                self._class_import(node, scope, alias, domain, edit)
            else:
                self._name_import(node, scope, alias, domain, parts[2], edit, top_level)
        if edit.add or [id(a) for a in edit.keep] != [id(a) for a in node.names]:
            self.edits[node] = edit

    def _module_import(
        self, node: cst.ImportFrom, scope: Scope | None, alias: cst.ImportAlias, domain: str,
        module: str, edit: _Edit,
    ) -> None:  # fmt: skip
        bound = alias_binding(alias)
        wanted = self.present.get((domain, module)) or self._fresh_alias(
            node, domain, module, bound
        )
        if bound != wanted and self._rename(node, scope, bound, wanted):
            alias = import_alias(module, wanted)
        self.present[(domain, module)] = alias_binding(alias)
        edit.keep.append(alias)

    def _class_import(
        self,
        node: cst.ImportFrom,
        scope: Scope | None,
        alias: cst.ImportAlias,
        domain: str,
        edit: _Edit,
    ) -> None:
        name = dotted_name(alias.name) or ""
        bound = alias_binding(alias)
        if naming.names_its_domain(bound, domain):
            edit.keep.append(alias)
            return
        wanted = naming.domain_class_alias(name, domain)
        if wanted in self.taken:
            self.report(node, f"`{name}`: the alias {wanted} is taken; left as it was")
        elif self._rename(node, scope, bound, wanted, allow_strings=False):
            alias = import_alias(name, wanted)
        edit.keep.append(alias)

    def _name_import(
        self, node: cst.ImportFrom, scope: Scope | None, alias: cst.ImportAlias, domain: str,
        module: str, edit: _Edit, top_level: bool,
    ) -> None:  # fmt: skip
        name = dotted_name(alias.name) or ""
        bound = alias_binding(alias)
        known = self.present.get((domain, module)) if top_level else None
        # `from app.services.user import user_service`: the name this import binds is free
        # once its uses point at the module, so the module may take it (and a second run,
        # finding `user_service.user_service`, has nothing to rename: idempotent)
        sole = bound if self.facts.bindings[bound] == 1 else None
        module_alias = known or self._fresh_alias(node, domain, module, sole)
        accesses = self._accesses(node, scope, bound)
        if not accesses:  # unsafe (reported), or imported only for its side effects: keep
            edit.keep.append(alias)
            return
        for access in accesses:
            self._redirect(access, bound, f"{module_alias}.{name}")
        if known is None:
            self.taken.add(module_alias)
            if top_level:
                self.present[(domain, module)] = module_alias
            edit.add.append((f"{self.plan.target_package}.{domain}", module, module_alias))

    def _scope(self, node: cst.CSTNode) -> Scope | None:
        return None if self.simple else self.get_metadata(ScopeProvider, node)

    def _fresh_alias(
        self, node: cst.Import | cst.ImportFrom, domain: str, module: str, current: str | None
    ) -> str:
        """The conventional alias, or (if the file already uses that name) a deterministic
        other, which is reported."""
        preferred = naming.module_alias(domain, module, self.plan.alias_style)
        candidates = [
            preferred,
            naming.module_alias(domain, module, "plural"),
            *(f"{preferred}{n}" for n in range(2, 99)),
        ]
        chosen = next(c for c in candidates if c == current or c not in self.taken)
        if chosen != preferred:
            self.report(node, f"`{preferred}` is already used in this file; aliased as `{chosen}`")
        return chosen

    def _rename(
        self,
        node: cst.Import | cst.ImportFrom,
        scope: Scope | None,
        bound: str,
        wanted: str,
        allow_strings: bool = True,
    ) -> bool:
        accesses = self._accesses(node, scope, bound, allow_strings)
        if accesses is None:
            return False
        for access in accesses:
            self._redirect(access, bound, wanted)
        self.taken.add(wanted)
        return True

    def _accesses(
        self,
        node: cst.Import | cst.ImportFrom,
        scope: Scope | None,
        bound: str,
        allow_strings: bool = True,
    ) -> list[cst.CSTNode] | None:
        """The nodes reading this import's binding; None (reported) when a rewrite is unsafe."""
        problem = None
        if bound in self.exported:
            problem = "is re-exported through __all__"
        elif f"{self.new_module}.{bound}" in self.plan.pinned_names:
            problem = f"is a patch target (a string names {self.new_module}.{bound})"
        elif f"{self.new_module}.{bound}" in self.plan.imported_names:
            problem = f"is imported from {self.new_module} by other modules"
        elif scope is None:  # simple: bound once in the file, so every use is this import's
            return list(self.facts.uses.get(bound, []))
        elif len(assignments := list(scope.assignments[bound])) != 1 or (
            getattr(assignments[0], "node", None) is not node
        ):
            problem = "is bound more than once in its scope"
        else:
            nodes: list[cst.CSTNode] = [access.node for access in assignments[0].references]
            allowed = (cst.Name, cst.SimpleString) if allow_strings else (cst.Name,)
            if all(isinstance(n, allowed) for n in nodes):
                return nodes
            problem = "is used where it cannot be rewritten (a string annotation?)"
        self.report(node, f"`{bound}` {problem}; left as it was")
        return None

    def _redirect(self, access: cst.CSTNode, bound: str, target: str) -> None:
        if isinstance(access, cst.SimpleString):
            self.strings.setdefault(access, []).append((bound, target))
        elif isinstance(access, cst.Name):
            head, *rest = target.split(".")
            expr: cst.BaseExpression = cst.Name(head)
            for part in rest:
                expr = cst.Attribute(value=expr, attr=cst.Name(part))
            self.names[access] = expr

    # -- the rewrite, driven by the decisions above ----------------------------------------------
    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self.names.get(original_node, updated_node)

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        value = updated_node.value
        for bound, target in self.strings.get(original_node, []):
            value = re.sub(rf"(?<![\w.]){re.escape(bound)}\b", target, value)
        return updated_node.with_changes(value=value)

    def leave_Import(
        self, original_node: cst.Import, updated_node: cst.Import
    ) -> cst.Import | cst.ImportFrom:
        replacement = self.import_edits.get(original_node)
        if replacement is None:
            return updated_node
        self.rewrites += 1
        return replacement

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.BaseSmallStatement | cst.FlattenSentinel[cst.BaseSmallStatement] | cst.RemovalSentinel:
        edit = self.edits.get(original_node)
        if edit is None:
            return updated_node
        self.rewrites += 1
        statements: list[cst.BaseSmallStatement] = []
        if edit.keep:
            statements.append(
                updated_node.with_changes(
                    names=with_commas(edit.keep, keep_last=updated_node.lpar is not None)
                )
            )
        statements.extend(
            import_from(pkg, [import_alias(mod, alias)]) for pkg, mod, alias in edit.add
        )
        return replacing_statement(statements)


def _dunder_all(module: cst.Module) -> set[str]:
    """The names listed in a module-level `__all__ = [...]` (or tuple)."""
    names: set[str] = set()
    for line in module.body:
        if not (isinstance(line, cst.SimpleStatementLine) and isinstance(line.body[0], cst.Assign)):
            continue
        assign = line.body[0]
        targets = {dotted_name(t.target) for t in assign.targets}
        if "__all__" in targets and isinstance(assign.value, cst.List | cst.Tuple):
            for element in assign.value.elements:
                if isinstance(element.value, cst.SimpleString):
                    value = pyast.evaluated_value(element.value)
                    names.update([value] if isinstance(value, str) else [])
    return names
