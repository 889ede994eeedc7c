from __future__ import annotations

from libcst.codemod import CodemodTest

from forgeapi_migrate.codemods.report_dotted_paths import ReportDottedPaths
from tests.helpers import plan_from_moves

PLAN = plan_from_moves(
    {
        "app/__init__.py": "src/__init__.py",
        "app/crud/crud_user.py": "src/users/service.py",
        "app/main.py": "src/main.py",
    }
)


class TestReportDottedPaths(CodemodTest):
    TRANSFORM = ReportDottedPaths

    def test_noop_on_other_strings(self) -> None:
        code = 'x = "app.log"\ny = "apple.crud"\nz = "application"\nw = f"app.{x}"\n'
        self.assertCodemod(code, code, PLAN, expected_warnings=[])  # type: ignore[arg-type]

    def test_patch_target_and_uvicorn_string_are_reported_unchanged(self) -> None:
        code = 'mock.patch("app.crud.crud_user.get")\nuvicorn.run("app.main:app")\n'
        self.assertCodemod(
            code,
            code,
            PLAN,  # type: ignore[arg-type]
            expected_warnings=[
                "line 1: string 'app.crud.crud_user.get' names the old module path; rewrite it by hand",
                "line 2: string 'app.main:app' names the old module path; rewrite it by hand",
            ],
        )
