from __future__ import annotations

from libcst.codemod import CodemodTest

from forgeapi_migrate.codemods.rewrite_dotted_paths import RewriteDottedPaths
from tests.helpers import plan_from_moves

PLAN = plan_from_moves(
    {
        "app/__init__.py": "src/__init__.py",
        "app/crud/crud_user.py": "src/users/service.py",
        "app/main.py": "src/main.py",
    },
    deletions=("app/crud/__init__.py",),
)


class TestRewriteDottedPaths(CodemodTest):
    TRANSFORM = RewriteDottedPaths

    def test_noop_on_other_strings(self) -> None:
        code = 'x = "app.log"\ny = "apple.crud"\nz = "application"\nw = f"app.{x}"\nv = "see app.main"\n'
        self.assertCodemod(code, code, PLAN, expected_warnings=[])  # type: ignore[arg-type]

    def test_patch_target_and_uvicorn_string_follow_the_move(self) -> None:
        self.assertCodemod(
            'mock.patch("app.crud.crud_user.get")\nuvicorn.run(\'app.main:app\')\nm = ["app.main"]\n',
            'mock.patch("src.users.service.get")\nuvicorn.run(\'src.main:app\')\nm = ["src.main"]\n',
            PLAN,  # type: ignore[arg-type]
        )

    def test_path_into_a_dissolved_package_is_reported(self) -> None:
        code = 'pkgutil_root = "app.crud"\n'
        self.assertCodemod(
            code,
            code,
            PLAN,  # type: ignore[arg-type]
            expected_warnings=["line 1: string 'app.crud' names a dissolved package"],
        )

    def test_a_path_given_in_parts_follows_the_move(self) -> None:
        plan = plan_from_moves(
            {"app/main.py": "src/main.py", "app/static/site.css": "src/static/site.css"}
        )
        self.assertCodemod(
            "a = Path(\"app\", \"static\")\nb = os.path.join('app', 'static')\n"
            'c = Path("app", name)\nd = Path("other", "static")\ne = Path("app")\n',
            "a = Path(\"src\", \"static\")\nb = os.path.join('src', 'static')\n"
            'c = Path("app", name)\nd = Path("other", "static")\ne = Path("app")\n',
            plan,  # type: ignore[arg-type]
            expected_warnings=[],
        )

    def test_an_fstring_naming_modules_of_a_package_that_moves_whole(self) -> None:
        plan = plan_from_moves(
            {
                "app/main.py": "src/main.py",
                "app/ext/exchanges/kraken.py": "src/ext/exchanges/kraken.py",
                "app/ext/exchanges/coinbase.py": "src/ext/exchanges/coinbase.py",
                "app/crud/crud_user.py": "src/users/service.py",
            },
            deletions=("app/crud/__init__.py",),
        )
        self.assertCodemod(
            'a = import_module(f"app.ext.exchanges.{name}")\nb = f"app.crud.{name}"\n'
            'c = f"app.{x}"\nd = f"{x}.app.ext."\n',
            'a = import_module(f"src.ext.exchanges.{name}")\nb = f"app.crud.{name}"\n'
            'c = f"app.{x}"\nd = f"{x}.app.ext."\n',
            plan,  # type: ignore[arg-type]
            expected_warnings=[
                "line 2: f-string 'app.crud.'... names a package the move dissolves"
            ],
        )

    def test_a_patch_target_through_a_binding_of_a_dissolved_package(self) -> None:
        """bitcart: kraken holds `from app import utils`; the move points it at `src.common`
        and drops `utils`, so the patch goes to the module the chain reaches."""
        plan = plan_from_moves(
            {
                "app/main.py": "src/main.py",
                "app/ext/kraken.py": "src/ext/kraken.py",
                "app/utils/common.py": "src/common.py",
            },
            deletions=("app/utils/__init__.py",),
        )
        self.assertCodemod(
            'patch("app.ext.kraken.utils.common.send_request")\npatch("app.ext.kraken.now")\n',
            'patch("src.common.send_request")\npatch("src.ext.kraken.now")\n',
            plan,  # type: ignore[arg-type]
            expected_warnings=[],
        )
