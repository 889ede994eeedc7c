"""FM006: paths built from `__file__` still reach the same file after the move.

`Path(__file__).parent.parent.parent / ".env"` in `app/core/config.py` found the project's
`.env`; in `src/config.py` the same expression would look above the project. Each expression
is evaluated (statically, see `file_paths.py`) where the module was and where it goes; when the
results differ, the steps up (`.parent`, `.parents[n]`, `os.path.dirname`) and, if needed, the
literal segments joined on are rewritten, in the expression's own style, so that it reaches
the file at its new place (resources move with their modules, see `resources.py`). What cannot
be made to reach it (a folder the move dissolves, a form we cannot rebuild) is reported.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import libcst as cst

from forgeapi_migrate.codemods import _prefilters
from forgeapi_migrate.codemods._helpers import MigrationCodemod
from forgeapi_migrate.file_paths import Evaluator, PathExpressions, build, dotted_name, shape
from forgeapi_migrate.plan import MigrationPlan
from forgeapi_migrate.root_paths import ROOT, normalize, relative


class RewriteFileRelativePaths(MigrationCodemod):
    ID = "FM006"
    DESCRIPTION = "Make paths built from __file__ reach the same files after the move."

    @classmethod
    def applies_to(cls, path: str, data: bytes, plan: MigrationPlan) -> bool:
        return _prefilters.rewrite_file_relative_paths(path, data, plan)

    def wants(self, tree: cst.Module) -> bool:
        path = self.context.filename or ""
        old = PathExpressions(path)
        tree.visit(old)
        self.replacements: dict[cst.CSTNode, cst.BaseExpression] = {}
        new = Evaluator(self.plan.new_paths.get(path, path))
        failed: dict[str, cst.BaseExpression] = {}
        for name, expression in old.bound.items():  # in source order: later ones use earlier
            wanted = self._wanted(old.evaluate.names[name])
            reached = self._reach(expression, wanted, new, report=False)
            value = wanted if reached else new(expression)
            if not reached:
                failed[name] = expression
            if value is not None:
                new.names[name] = value
        skip = set(old.bound.values()) | _assignment_targets(tree)
        bases: set[str] = set()
        for node, value in old.found:
            if node in skip:
                continue
            if isinstance(node, cst.Name):
                continue  # a bare use of a bound name: checked where the name is bound
            core = shape(node).core
            if isinstance(core, cst.Name):
                bases.add(core.value)
            self._reach(node, self._wanted(value), new, report=True)
        used_bare = {n.value for n, _ in old.found if isinstance(n, cst.Name) and n not in skip}
        for name, expression in failed.items():
            # a name only ever used with more steps or segments is checked at those uses
            if name in used_bare or name not in bases:
                self._report_dissolved(expression, self._wanted(old.evaluate.names[name]))
        return bool(self.replacements)

    def on_leave(  # type: ignore[override]  # libcst's TypeVar signature cannot be spelled
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        if original_node in self.replacements:
            self.rewrites += 1
            assert isinstance(original_node, cst.BaseExpression)
            parens = {"lpar": original_node.lpar, "rpar": original_node.rpar}
            return self.replacements[original_node].with_changes(**parens)
        return super().on_leave(original_node, updated_node)

    def _wanted(self, old: PurePosixPath) -> PurePosixPath | None:
        location = relative(old)
        if location.startswith(".."):
            return old  # outside the project: it does not move
        new = self.plan.new_location(location)
        return None if new is None else ROOT / new

    def _reach(
        self,
        node: cst.BaseExpression,
        wanted: PurePosixPath | None,
        new: Evaluator,
        report: bool,
    ) -> bool:
        """Make `node` evaluate to `wanted` at the module's new place; False if it cannot."""
        if wanted is not None and new(node) == wanted:
            return True
        fixed = None if wanted is None else _rebuilt(node, wanted, new)
        if fixed is not None:
            self.replacements[node] = fixed
            return True
        inner = _wrapped(node)
        if wanted is not None and inner is not None:  # str(Path(__file__).parents[3])
            return self._reach(inner, wanted, new, report)
        if report:
            self._report_dissolved(node, wanted)
        return False

    def _report_dissolved(self, node: cst.CSTNode, wanted: PurePosixPath | None) -> None:
        where = "a folder the move dissolves" if wanted is None else relative(wanted)
        message = f"path built from __file__ should reach {where}; rewrite it by hand"
        self.report(node, message, unresolved=True)


def _rebuilt(
    node: cst.BaseExpression, wanted: PurePosixPath, new: Evaluator
) -> cst.BaseExpression | None:
    """The same expression with other steps up and, if need be, another literal tail."""
    form = shape(node)
    core = new(form.core)
    if core is None or (
        not form.up_style and not form.tail and not isinstance(form.core, cst.Name)
    ):
        return None
    is_file = core == new.file
    ancestors = [core, *core.parents]
    order = sorted(range(len(ancestors)), key=lambda ups: (abs(ups - form.ups), ups))
    for ups in order:  # keep the literal segments, change the steps up
        if (
            not (is_file and ups == 0 and form.tail)
            and _joined(ancestors[ups], form.tail) == wanted
        ):
            return build(form, ups, form.tail)
    for ups in order:  # change the segments too
        base = ancestors[ups]
        if (is_file and ups == 0) or not wanted.is_relative_to(base) or base == wanted:
            continue
        return build(form, ups, wanted.relative_to(base).parts)
    return None


_SAME_PATH_CALLS = frozenset(
    {"str", "os.fspath", "os.path.abspath", "abspath", "os.path.realpath", "realpath",
     "os.path.normpath", "normpath"}
)  # fmt: skip


def _wrapped(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """The path inside `str(...)`, `os.path.abspath(...)`: the same path, another type."""
    if isinstance(node, cst.Call) and len(node.args) == 1 and not node.args[0].keyword:
        return node.args[0].value if dotted_name(node.func) in _SAME_PATH_CALLS else None
    return None


def _joined(base: PurePosixPath, tail: tuple[str, ...]) -> PurePosixPath:
    return normalize(base.joinpath(*tail))


def _assignment_targets(tree: cst.Module) -> set[cst.CSTNode]:
    targets: set[cst.CSTNode] = set()

    class Collect(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            targets.add(node.target)

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            targets.add(node.target)

    tree.visit(Collect())
    return targets
