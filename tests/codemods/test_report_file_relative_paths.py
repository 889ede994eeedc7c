from __future__ import annotations

from libcst.codemod import CodemodContext, CodemodTest

from forgeapi_migrate.codemods.report_file_relative_paths import ReportFileRelativePaths
from tests.helpers import plan_from_moves

PLAN = plan_from_moves(
    {"app/api/routes/users.py": "src/users/router.py", "app/core/paths.py": "src/core/paths.py"}
)
CODE = "from pathlib import Path\n\nHERE = Path(__file__).parent / 'sql'\n"


class TestReportFileRelativePaths(CodemodTest):
    TRANSFORM = ReportFileRelativePaths

    def test_module_that_changes_folder_is_reported_and_left(self) -> None:
        self.assertCodemod(
            CODE,
            CODE,
            PLAN,  # type: ignore[arg-type]
            context_override=CodemodContext(filename="app/api/routes/users.py"),
            expected_warnings=[
                "line 3: path built from __file__: the module moves from app/api/routes/ to src/users/"
            ],
        )

    def test_noop_when_the_folder_keeps_its_place(self) -> None:
        assert not ReportFileRelativePaths.applies_to("app/core/paths.py", CODE.encode(), PLAN)
        assert ReportFileRelativePaths.applies_to("app/api/routes/users.py", CODE.encode(), PLAN)
