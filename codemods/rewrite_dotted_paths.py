"""FM002: string literals that name a moved module by its dotted path follow the move.

`mock.patch("app.crud.crud_user.get")` -> `mock.patch("src.users.service.get")`,
`uvicorn.run("app.main:app")` -> `uvicorn.run("src.main:app")`, and so do Celery task
names and ORM module lists; so does a string that is exactly a moved file or folder path
relative to the project root (`"app/alembic"` -> `"alembic"`). Only a string that is entirely
such a path, and whose longest prefix is a module the plan knows, is rewritten: `"app.log"`
or a sentence is not. A patch target names the module where the name is looked up; FM003
keeps such names bound in their module, so the rewritten target still patches what the code
uses. A path into a package that the move dissolves cannot follow it and is reported instead.
"""

from __future__ import annotations

import re

import libcst as cst

from forgeapi_migrate import pyast
from forgeapi_migrate.codemods import _prefilters
from forgeapi_migrate.codemods._helpers import MigrationCodemod, dotted_name
from forgeapi_migrate.plan import MigrationPlan

# Calls that build a path from parts: `Path("app", "static")`, `os.path.join("app", "x")`.
_PATH_CALLS = frozenset({"Path", "PurePath", "PosixPath", "PurePosixPath", "join"})


class RewriteDottedPaths(MigrationCodemod):
    ID = "FM002"
    DESCRIPTION = (
        "Rewrite strings that name a moved module by dotted path (patch targets, 'app.main:app')."
    )

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        return _prefilters.rewrite_dotted_paths(path, data, plan)

    def visit_Module(self, node: cst.Module) -> None:
        roots = "|".join(re.escape(r) for r in self.plan.source_roots)
        self.pattern = re.compile(rf"((?:{roots})(?:\.\w+)+)(:\w+)?")

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        value = pyast.evaluated_value(updated_node)
        if isinstance(value, str) and self.plan.owns_path(value):
            return self._file_path(original_node, updated_node, value)
        match = self.pattern.fullmatch(value) if isinstance(value, str) else None
        if match is None or match.group(1) in self.plan.source_roots:
            return updated_node
        path, attribute = match.group(1), match.group(2) or ""
        new = self._through_binding(path) or self.plan.new_dotted_path(path)
        if new is None:
            if self.plan.is_dissolved_path(path):
                self.report(
                    original_node, f"string {value!r} names a dissolved package", unresolved=True
                )
            return updated_node
        return self._replace(original_node, updated_node, match.group(), new + attribute)

    def _through_binding(self, path: str) -> str | None:
        """`"app.ext.kraken.utils.common.send_request"`: a patch target reached through a
        module's binding of a dissolved package (kraken's `from app import utils`). The move
        points kraken at `src.common` itself and drops that binding, so the target becomes the
        module the chain reaches, `src.common.send_request`: the same object is patched."""
        parts = path.split(".")
        for size in range(len(parts) - 1, 1, -1):
            module, rest = ".".join(parts[:size]), parts[size:]
            if self.plan.module_map.get(module, "") in ("", None):
                continue  # not a module that moves
            for root in self.plan.source_roots:
                package = f"{root}.{rest[0]}"
                if package in self.plan.module_map and self.plan.module_map[package] is None:
                    return self.plan.new_dotted_path(".".join([root, *rest]))
            return None
        return None

    def leave_FormattedString(
        self, original_node: cst.FormattedString, updated_node: cst.FormattedString
    ) -> cst.FormattedString:
        """`f"app.ext.exchanges.{name}"` (`importlib.import_module`): the literal head names a
        package; it follows when that package's folder moves whole, keeping its shape."""
        if not updated_node.parts or not isinstance(updated_node.parts[0], cst.FormattedStringText):
            return updated_node
        head = updated_node.parts[0].value
        match = re.match(r"(\w+(?:\.\w+)*)\.$", head)
        if match is None or len(updated_node.parts) < 2:
            return updated_node
        package = match.group(1)
        if not self.plan.owns_module(package) or package in self.plan.source_roots:
            return updated_node
        folder = package.replace(".", "/")
        if folder not in self.plan.folder_map:
            return updated_node
        new_folder = self.plan.folder_map[folder]
        if new_folder is None:
            self.report(
                original_node,
                f"f-string {head!r}... names a package the move dissolves",
                unresolved=True,
            )
            return updated_node
        new = new_folder.replace("/", ".") + "."
        if new == head:
            return updated_node
        self.rewrites += 1
        first = updated_node.parts[0].with_changes(value=new)
        return updated_node.with_changes(parts=[first, *updated_node.parts[1:]])

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        """`Path("app", "static")`, `os.path.join("app", "templates")`: a root-relative path
        given in parts (each part alone names nothing) follows the move like one string."""
        callee = dotted_name(updated_node.func) or ""
        if callee.rpartition(".")[2] not in _PATH_CALLS or not updated_node.args:
            return updated_node
        strings = [arg.value for arg in updated_node.args]
        if any(arg.keyword or arg.star for arg in updated_node.args) or not all(
            isinstance(s, cst.SimpleString) for s in strings
        ):
            return updated_node
        parts = [pyast.evaluated_value(s) for s in strings if isinstance(s, cst.SimpleString)]
        if len(parts) < 2 or not all(isinstance(p, str) and p and "/" not in p for p in parts):
            return updated_node
        joined = "/".join(str(p) for p in parts)
        if not self.plan.owns_path(joined):
            return updated_node
        new = self._moved(original_node, joined, f"path {joined!r}")
        if new is None or new == joined:
            return updated_node
        self.rewrites += 1
        first = updated_node.args[0]
        quote = first.value.quote if isinstance(first.value, cst.SimpleString) else '"'
        args = [
            first.with_changes(value=cst.SimpleString(f"{quote}{part}{quote}"))
            for part in new.split("/")
        ]
        args[-1] = args[-1].with_changes(comma=updated_node.args[-1].comma)
        for index in range(len(args) - 1):
            args[index] = args[index].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
        return updated_node.with_changes(args=args)

    def _file_path(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString, value: str
    ) -> cst.SimpleString:
        """`"app/alembic"` (relative to the project root) names a moved file or folder."""
        known = value.rstrip("/")
        new = self._moved(original_node, known, f"string {value!r}")
        if new is None:
            return updated_node
        return self._replace(original_node, updated_node, value, new + value[len(known) :])

    def _moved(self, node: cst.CSTNode, path: str, what: str) -> str | None:
        """Where a root-relative file or folder the plan moves is now; None for a path the
        plan does not know, and for a folder it dissolves (reported: `what` names it)."""
        if path not in self.plan.new_paths and path not in self.plan.folder_map:
            return None
        new = self.plan.new_location(path)
        if new is None:
            self.report(node, f"{what} names a folder the move dissolves", unresolved=True)
        return new

    def _replace(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString, value: str, new: str
    ) -> cst.SimpleString:
        if new == value:
            return updated_node
        self.rewrites += 1
        quote_at = len(updated_node.prefix) + len(updated_node.quote)
        body = updated_node.value[quote_at : -len(updated_node.quote)]
        if body != value:  # escapes inside: leave the literal as written, but say so
            self.report(
                original_node, f"string {value!r} has escapes; rewrite it by hand", unresolved=True
            )
            return updated_node
        return updated_node.with_changes(
            value=updated_node.value[:quote_at] + new + updated_node.quote
        )
