"""Property tests for FM001: untouched code round-trips byte for byte, and a rewrite is idempotent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from libcst.codemod import CodemodContext

from forgeapi_migrate.codemods import CODEMODS
from forgeapi_migrate.codemods.rewrite_imports import RewriteImports
from forgeapi_migrate.transform import transform_source
from tests.helpers import plan_from_moves

PLAN = plan_from_moves(
    {
        "app/api/routes/users.py": "src/users/router.py",
        "app/api/routes/items.py": "src/items/router.py",
        "app/models/user.py": "src/users/models.py",
        "app/core/config.py": "src/config.py",
    },
    deletions=("app/api/routes/__init__.py", "app/api/__init__.py"),
)
MODULES = [
    "app.api.routes.users",
    "app.api.routes.items",
    "app.models.user",
    "app.core.config",
    "os.path",
    "apple.models",
]
NAMES = ["users", "items", "router", "User", "settings", "join"]
NEWLINES = ["\n", "\r\n"]


FM001 = tuple(c for c in CODEMODS if c.ID == "FM001")


@st.composite
def import_lines(draw: st.DrawFn) -> str:
    module = draw(st.sampled_from(MODULES))
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"import {module}"
    if form == 1:
        return f"import {module} as {draw(st.sampled_from(NAMES))}_m"
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True))
    if form == 2:
        package, _, _ = module.rpartition(".")
        return f"from {package} import {', '.join(names)}"
    return f"from {module} import ({', '.join(names)},)  # trailing"


@st.composite
def sources(draw: st.DrawFn) -> bytes:
    newline = draw(st.sampled_from(NEWLINES))
    lines = draw(st.lists(import_lines(), min_size=1, max_size=6))
    body = ["", "def f(x):", "    return x  # comment", "value = app = 1"]
    text = newline.join([*lines, *body]) + draw(st.sampled_from(["", newline]))
    return text.encode()


def rewrite(data: bytes) -> bytes:
    result = transform_source("tests/test_x.py", data, PLAN, FM001)
    assert result.error is None
    return data if result.new_bytes is None else result.new_bytes


@settings(max_examples=150, deadline=None)
@given(sources())
def test_rewrite_is_idempotent(data: bytes) -> None:
    once = rewrite(data)
    assert rewrite(once) == once


@settings(max_examples=150, deadline=None)
@given(sources())
def test_nothing_but_import_lines_change(data: bytes) -> None:
    before = data.splitlines(keepends=True)
    after = rewrite(data).splitlines(keepends=True)
    untouched = [line for line in before if not line.lstrip().startswith((b"import", b"from"))]
    assert [
        line for line in after if not line.lstrip().startswith((b"import", b"from"))
    ] == untouched
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    assert all(line.endswith(newline) for line in after[:-1])


@settings(max_examples=100, deadline=None)
@given(sources())
def test_empty_plan_changes_nothing(data: bytes) -> None:
    empty = plan_from_moves({})
    result = transform_source("tests/test_x.py", data, empty, FM001)
    assert result.new_bytes is None


def test_codemod_constructs_with_plain_context() -> None:
    assert RewriteImports(CodemodContext(), PLAN).rewrites == 0
