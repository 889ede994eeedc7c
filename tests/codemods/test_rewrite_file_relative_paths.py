"""FM006: `__file__` paths reach the same file after the move (expected outputs written by hand)."""

from __future__ import annotations

import pytest
from libcst.codemod import CodemodContext, CodemodTest

from forgeapi_migrate.codemods.rewrite_file_relative_paths import RewriteFileRelativePaths
from tests.helpers import plan_from_moves

PLAN = plan_from_moves(
    {
        "app/core/config.py": "src/config.py",
        "app/api/routes/users.py": "src/users/router.py",
        "app/api/routes/items.py": "src/items/router.py",
        "app/services/note_service.py": "src/notes/service.py",
        "app/services/sql/stats.sql": "src/notes/sql/stats.sql",
        "app/services/other.sql": "src/services/other.sql",
        "app/templates/welcome.html": "src/templates/welcome.html",
        "app/main.py": "src/main.py",
        "app/logging.conf": "src/logging.conf",
        "app/db/migrations/env.py": "alembic/env.py",
    }
)


class TestRewriteFileRelativePaths(CodemodTest):
    TRANSFORM = RewriteFileRelativePaths

    def check(self, path: str, before: str, after: str, warnings: list[str] | None = None) -> None:
        self.assertCodemod(
            before,
            after,
            PLAN,  # type: ignore[arg-type]
            context_override=CodemodContext(filename=path),
            expected_warnings=warnings or [],
        )

    def test_steps_up_to_a_file_outside_the_package(self) -> None:
        # app/core/config.py -> root is three steps up; from src/config.py it is two
        self.check(
            "app/core/config.py",
            'ENV = Path(__file__).resolve().parent.parent.parent / ".env"\n'
            'VERSION = Path(__file__).parents[2] / "VERSION"\n'
            'OLD = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "x")\n',
            'ENV = Path(__file__).resolve().parent.parent / ".env"\n'
            'VERSION = Path(__file__).parents[1] / "VERSION"\n'
            'OLD = os.path.join(os.path.dirname(os.path.dirname(__file__)), "x")\n',
        )

    def test_dirname_and_join_imported_from_os_path_keep_their_spelling(self) -> None:
        """`from os.path import dirname, join`: a rewrite that wrote `os.path.dirname` left
        `os` unbound (NameError at import); a bare `join(...)` is read as os.path.join."""
        self.check(
            "app/core/config.py",
            "from os.path import abspath, dirname, join\n"
            "PROJ_ROOT = dirname(dirname(dirname(abspath(__file__))))\n"
            'LOG_FILE_PATH = join(PROJ_ROOT, "app", "logging.conf")\n',
            "from os.path import abspath, dirname, join\n"
            "PROJ_ROOT = dirname(dirname(abspath(__file__)))\n"
            'LOG_FILE_PATH = join(PROJ_ROOT, "src", "logging.conf")\n',
        )

    def test_a_path_inside_str_is_rebuilt_inside_it(self) -> None:
        # an Alembic env.py in the package puts the project root on sys.path
        self.check(
            "app/db/migrations/env.py",
            "sys.path.append(str(pathlib.Path(__file__).resolve().parents[3]))\n",
            "sys.path.append(str(pathlib.Path(__file__).resolve().parents[1]))\n",
        )

    def test_a_name_bound_to_a_folder_is_fixed_where_it_is_bound(self) -> None:
        self.check(
            "app/core/config.py",
            "BASE_DIR = Path(__file__).resolve().parent.parent.parent\n"
            'ENV_FILE = BASE_DIR / ".env"\n',
            'BASE_DIR = Path(__file__).resolve().parent.parent\nENV_FILE = BASE_DIR / ".env"\n',
        )

    def test_a_resource_that_moves_with_its_module_needs_nothing(self) -> None:
        code = 'SQL = Path(__file__).parent / "sql" / "stats.sql"\n'
        self.check("app/services/note_service.py", code, code)

    def test_a_resource_kept_in_the_package_is_reached_from_the_new_depth(self) -> None:
        # app/api/routes/users.py reached app/templates three folders up; src/users/router.py
        # reaches src/templates two folders up
        self.check(
            "app/api/routes/users.py",
            'PAGE = Path(__file__).parents[2] / "templates" / "welcome.html"\n',
            'PAGE = Path(__file__).parents[1] / "templates" / "welcome.html"\n',
        )

    def test_a_module_that_stays_follows_a_moved_resource_with_new_segments(self) -> None:
        self.check(
            "tests/test_stats.py",
            'ROOT = Path(__file__).parent.parent\nSQL = ROOT / "app" / "services/sql" / "stats.sql"\n',
            'ROOT = Path(__file__).parent.parent\nSQL = ROOT / "src" / "notes" / "sql" / "stats.sql"\n',
        )

    def test_a_folder_the_move_dissolves_is_reported(self) -> None:
        code = 'ROUTES = Path(__file__).parent / "api" / "routes"\n'
        self.check(
            "app/main.py",
            code,
            code,
            ["line 1: path built from __file__ should reach a folder the move dissolves; "
             "rewrite it by hand"],
        )  # fmt: skip

    def test_a_form_that_cannot_be_rebuilt_is_reported(self) -> None:
        code = 'SQL = Path(__file__).with_name("other.sql")\n'  # would look in src/notes/
        self.check(
            "app/services/note_service.py",
            code,
            code,
            ["line 1: path built from __file__ should reach src/services/other.sql; "
             "rewrite it by hand"],
        )  # fmt: skip

    def test_noop(self) -> None:
        code = "HERE = Path(__file__).parent\nprint(__file__)\n"
        self.check("tests/test_x.py", code, code)


@pytest.mark.parametrize(
    ("path", "applies"),
    [("app/core/config.py", True), ("tests/test_x.py", True)],
)
def test_applies_only_to_files_that_use_file(path: str, applies: bool) -> None:
    assert RewriteFileRelativePaths.applies_to(path, b"x = __file__\n", PLAN) is applies
    assert not RewriteFileRelativePaths.applies_to(path, b"x = 1\n", PLAN)
