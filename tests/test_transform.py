"""transform.codemods_for: which codemods a file gets, asked before any libcst parse."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from forgeapi_migrate.codemods import CODEMODS, Codemod
from forgeapi_migrate.codemods._prefilters import rewrite_imports_head
from forgeapi_migrate.pipeline import make_plan
from forgeapi_migrate.plan import MigrationPlan
from forgeapi_migrate.transform import _process, _run, codemods_for, transform_source
from tests.helpers import benchmark_generator, plan_from_moves

ROOT = Path(__file__).resolve().parent.parent

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


def test_a_codemod_that_parses_only_a_head_does_not_spare_the_second_test() -> None:
    asked: list[str] = []
    costly = _entry("FM003", True, False, asked)
    head_only = replace(_entry("FM001", True, None, asked), head=lambda data, plan: 0)
    assert codemods_for("a.py", b"", PLAN, [head_only, costly]) == (head_only,)
    assert asked == ["FM003"]  # ruled out: only the head is parsed, for FM001
    confirmed = replace(costly, confirm=lambda path, data, plan: True)
    assert codemods_for("a.py", b"", PLAN, [head_only, confirmed]) == (head_only, confirmed)


def test_the_second_test_keeps_what_it_confirms() -> None:
    asked: list[str] = []
    yes = _entry("FM003", True, True, asked)
    no = _entry("FM007", True, False, asked)
    skipped = _entry("FM008", False, True, asked)
    assert codemods_for("a.py", b"", PLAN, [yes, no, skipped]) == (yes,)
    assert asked == ["FM003", "FM007"]  # a codemod its byte test ruled out is not asked again


# -- only the head of a file is parsed when all FM001 can change lies there ---------------

FM001 = next(c for c in CODEMODS if c.ID == "FM001")
WHOLE_FILE_FM001 = replace(FM001, head=None)
MOVES = plan_from_moves({"app/models/user.py": "src/users/models.py"})
TEST_MODULE = b'''"""Tests."""
from app.models.user import User


@pytest.fixture
def user():
    return User(name="x")


def test_user(user):
    assert user.name == "x"
'''


def test_the_head_ends_before_the_first_definition_after_the_last_import() -> None:
    head = rewrite_imports_head(TEST_MODULE, MOVES)
    assert TEST_MODULE[head:].startswith(b"@pytest.fixture")
    late_import = TEST_MODULE + b"\n\ndef later():\n    import os\n"
    assert rewrite_imports_head(late_import, MOVES) == len(late_import)
    mention = TEST_MODULE.replace(b'name="x")', b'name="x", module=app)')
    assert mention[rewrite_imports_head(mention, MOVES) :].startswith(b"def test_user")
    assert rewrite_imports_head(b"import app.models.user\n", MOVES) == len(
        b"import app.models.user\n"
    )
    assert rewrite_imports_head(b"x = 1\n\ndef f(): ...\n", MOVES) == len(b"x = 1\n\n")


def _results_agree(path: str, data: bytes, plan: MigrationPlan) -> bool:
    """FM001 alone on the file gives the same as FM001 on the whole file; True if the head
    was shorter than the file (the comparison meant something)."""
    head = transform_source(path, data, plan, [FM001])
    whole = transform_source(path, data, plan, [WHOLE_FILE_FM001])
    assert head == whole, path
    return rewrite_imports_head(data, plan) < len(data)


def test_a_head_gives_what_the_whole_file_gives() -> None:
    assert _results_agree("tests/test_user.py", TEST_MODULE, MOVES)
    result = transform_source("tests/test_user.py", TEST_MODULE, MOVES, [FM001])
    assert result.new_bytes == TEST_MODULE.replace(b"app.models.user", b"src.users.models")


def test_a_head_that_cuts_a_string_falls_back_to_the_whole_file() -> None:
    data = b'from app.models.user import User\nDOC = """\n@decorated\n"""\n'
    assert rewrite_imports_head(data, MOVES) < len(data)  # the cut is inside the string
    assert _results_agree("tests/test_user.py", data, MOVES)


def test_every_corpus_file_fm001_rewrites_alone_agrees() -> None:
    shortened = 0
    for before in sorted(ROOT.glob("corpus/*/before")):
        discovery, plan = make_plan(before)
        for path, data in sorted(discovery.sources.items()):
            if codemods_for(path, data, plan, CODEMODS) == (FM001,):
                shortened += _results_agree(path, data, plan)
    assert shortened >= 20


def test_a_syntax_error_after_the_head_is_reported_at_its_line() -> None:
    data = TEST_MODULE + b"\n\ndef broken(:\n    pass\n"
    assert rewrite_imports_head(data, MOVES) < len(data)
    result = _process("tests/test_user.py", data, MOVES, (FM001,))
    assert result.error is not None
    assert (result.error.code, result.error.line) == (
        "FM000",
        14,
    )  # TEST_MODULE has 11 lines, then two blank ones
    assert result.error.message.startswith("cannot parse")


def _byte_chosen_on_the_whole_file(
    path: str, data: bytes, plan: MigrationPlan
) -> tuple[Codemod, ...]:
    """What a file got before any second test or head: every codemod its bytes ask for."""
    return tuple(replace(c, head=None) for c in CODEMODS if c.applies_to(path, data, plan))


def test_second_tests_and_heads_change_no_output_of_the_corpus_or_the_benchmark(
    tmp_path: Path,
) -> None:
    """Every corpus file, and every file of a generated benchmark project: the codemods
    chosen with the second tests and heads give what all byte-chosen ones give on the whole
    file. Counts how many files the second tests spared a whole-file parse."""
    generated = tmp_path / "generated"
    benchmark_generator().generate(generated, 6)
    spared = 0
    for root in [*sorted(ROOT.glob("corpus/*/before")), generated]:
        discovery, plan = make_plan(root)
        for path, data in sorted(discovery.sources.items()):
            every = _byte_chosen_on_the_whole_file(path, data, plan)
            chosen = codemods_for(path, data, plan, CODEMODS)
            expected = _run(path, data, plan, every)
            assert transform_source(path, data, plan, CODEMODS) == expected, path
            spared += len(every) > 1 and len(chosen) == 1 and chosen[0].head is not None
    assert spared >= 12  # the generated project's routes and models (6 + 6) at least
