"""transform.codemods_for: which codemods a file gets, asked before any libcst parse."""

from __future__ import annotations

from forgeapi_migrate.codemods import Codemod
from forgeapi_migrate.transform import codemods_for
from tests.helpers import plan_from_moves

PLAN = plan_from_moves({"app/crud/user.py": "src/users/service.py"})


def _entry(codemod_id: str, applies: bool, confirms: bool | None, asked: list[str]) -> Codemod:
    def confirm(path: str, data: bytes, plan: object) -> bool:
        asked.append(codemod_id)
        return bool(confirms)

    return Codemod(
        codemod_id,
        "test entry",
        lambda path, data, plan: applies,
        "unused:Unused",
        confirm if confirms is not None else None,
    )


def test_a_second_test_is_asked_only_when_nothing_else_parses_the_file() -> None:
    asked: list[str] = []
    costly = _entry("FM003", True, False, asked)
    plain = _entry("FM001", True, None, asked)
    assert codemods_for("a.py", b"", PLAN, [plain, costly]) == (plain, costly)
    assert asked == []  # parsed anyway for FM001: FM003 decides on the tree
    assert codemods_for("a.py", b"", PLAN, [costly]) == ()
    assert asked == ["FM003"]


def test_the_second_test_keeps_what_it_confirms() -> None:
    asked: list[str] = []
    yes = _entry("FM003", True, True, asked)
    no = _entry("FM007", True, False, asked)
    skipped = _entry("FM008", False, True, asked)
    assert codemods_for("a.py", b"", PLAN, [yes, no, skipped]) == (yes,)
    assert asked == ["FM003", "FM007"]  # a codemod its byte test ruled out is not asked again
