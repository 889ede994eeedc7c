"""FM001 before/after: each case reads as a line of the spec."""

from __future__ import annotations

from libcst.codemod import CodemodContext, CodemodTest

from forgeapi_migrate.codemods.rewrite_imports import RewriteImports
from tests.helpers import plan_from_moves

PLAN = plan_from_moves(
    {
        "app/__init__.py": "src/__init__.py",
        "app/main.py": "src/main.py",
        "app/api/routes/users.py": "src/users/router.py",
        "app/api/routes/items.py": "src/items/router.py",
        "app/crud/crud_user.py": "src/users/service.py",
        "app/models/user.py": "src/users/models.py",
        "app/models/item.py": "src/items/models.py",
        "app/schemas/user.py": "src/users/schemas.py",
        "app/core/config.py": "src/config.py",
        "app/core/__init__.py": "src/core/__init__.py",
        "app/core/security.py": "src/core/security.py",
    },
    deletions=(
        "app/api/__init__.py",
        "app/api/routes/__init__.py",
        "app/crud/__init__.py",
        "app/models/__init__.py",
        "app/schemas/__init__.py",
    ),
)


def _context(module: str | None = None, package: str | None = None) -> CodemodContext:
    return CodemodContext(filename="f.py", full_module_name=module, full_package_name=package)


class TestRewriteImports(CodemodTest):
    TRANSFORM = RewriteImports

    def check(self, before: str, after: str, **kwargs: object) -> None:
        self.assertCodemod(before, after, PLAN, **kwargs)  # type: ignore[arg-type]

    def test_noop_on_unrelated_code(self) -> None:
        code = "import os\nfrom fastapi import APIRouter\nfrom apple.core import config\napp = 1\n"
        self.check(code, code)

    def test_from_module_import_name(self) -> None:
        self.check(
            "from app.crud.crud_user import get_user, create_user  # noqa: F401\n",
            "from src.users.service import get_user, create_user  # noqa: F401\n",
        )

    def test_parenthesized_names_keep_their_formatting(self) -> None:
        self.check(
            "from app.models.user import (\n    User,  # the table\n    Role,\n)\n",
            "from src.users.models import (\n    User,  # the table\n    Role,\n)\n",
        )

    def test_from_package_import_submodule_keeps_local_name(self) -> None:
        self.check(
            "from app.crud import crud_user\ncrud_user.get_user(db, 1)\n",
            "from src.users import service as crud_user\ncrud_user.get_user(db, 1)\n",
        )

    def test_a_plain_package_import_and_its_attributes_follow_together(self) -> None:
        # `import app` + `app.__version__` became `import src` + `app.__version__`: NameError
        self.check(
            "import app\nimport app.main\n\nVERSION = app.__version__\napp.main.api\n",
            "import src\nimport src.main\n\nVERSION = src.__version__\nsrc.main.api\n",
        )

    def test_a_package_name_rebound_in_the_file_is_not_renamed(self) -> None:
        # `app` is the FastAPI object here: its attributes are not the package's
        self.check(
            "import app.core.config\n\napp = FastAPI()\napp.include_router(r)\n",
            "import src.config\n\napp = FastAPI()\napp.include_router(r)\n",
        )

    def test_two_routers_never_collapse_into_one_name(self) -> None:
        self.check(
            "from app.api.routes import users, items\n"
            "app.include_router(users.router)\napp.include_router(items.router)\n",
            "from src.users import router as users\nfrom src.items import router as items\n"
            "app.include_router(users.router)\napp.include_router(items.router)\n",
        )

    def test_split_lines_each_keep_the_trailing_comment(self) -> None:
        self.check(
            "from app.models import item, user  # noqa: F401\n",
            "from src.items import models as item  # noqa: F401\n"
            "from src.users import models as user  # noqa: F401\n",
        )

    def test_split_keeps_leading_comment_and_indentation(self) -> None:
        self.check(
            "def f():\n    # routers\n    from app.api.routes import users, items as it\n    return users, it\n",
            "def f():\n    # routers\n    from src.users import router as users\n"
            "    from src.items import router as it\n    return users, it\n",
        )

    def test_import_as(self) -> None:
        self.check(
            "import app.crud.crud_user as crud\nimport os, app.core.config as cfg\n",
            "import src.users.service as crud\nimport os, src.config as cfg\n",
        )

    def test_plain_import_rewrites_dotted_uses(self) -> None:
        self.check(
            "import app.core.config\n\ndef f():\n    return app.core.config.settings.name\n",
            "import src.config\n\ndef f():\n    return src.config.settings.name\n",
        )

    def test_plain_import_in_a_nested_block_still_rewrites_dotted_uses(self) -> None:
        self.check(
            "def f():\n    return app.core.config.settings\n\n"
            "try:\n    pass\nexcept ImportError:\n    pass\nelse:\n    import app.core.config\n",
            "def f():\n    return src.config.settings\n\n"
            "try:\n    pass\nexcept ImportError:\n    pass\nelse:\n    import src.config\n",
        )

    def test_dotted_use_inside_call_argument(self) -> None:
        self.check(
            "import app.models.user\nx = len(app.models.user.User.__table__.c).real\n",
            "import src.users.models\nx = len(src.users.models.User.__table__.c).real\n",
        )

    def test_fastapi_instance_named_like_the_package_is_not_touched(self) -> None:
        code = "from app.core.config import settings\napp = FastAPI()\napp.include_router(r)\napp.state.x = 1\n"
        self.check(code, code.replace("app.core.config", "src.config"))

    def test_package_import_of_kept_package(self) -> None:
        self.check("from app import main\n", "from src import main\n")
        self.check("from app.main import app\n", "from src.main import app\n")

    def test_type_checking_block(self) -> None:
        self.check(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.models.item import Item\n",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from src.items.models import Item\n",
        )

    def test_star_import(self) -> None:
        self.check("from app.schemas.user import *\n", "from src.users.schemas import *\n")

    def test_relative_imports_become_absolute(self) -> None:
        self.assertCodemod(
            "from ...models.user import User\nfrom . import items\nfrom .items import router as r\n",
            "from src.users.models import User\nfrom src.items import router as items\n"
            "from src.items.router import router as r\n",
            PLAN,
            context_override=_context("app.api.routes.users", "app.api.routes"),
        )

    def test_relative_import_outside_the_package_is_left_alone(self) -> None:
        code = "from .conftest import make_user\n"
        self.assertCodemod(code, code, PLAN, context_override=_context("tests.test_x", "tests"))

    def test_dissolved_package_import_is_reported_and_left(self) -> None:
        code = "import app.api.routes\nfrom app.api import routes\n"
        self.assertCodemod(
            code,
            code,
            PLAN,
            expected_warnings=[
                "line 1: `import app.api.routes`: the package app.api.routes is dissolved",
                "line 2: `from app.api import routes`: app.api.routes is dissolved",
            ],
        )

    def test_mixed_submodule_and_name(self) -> None:
        self.check(
            "from app.core import security, thing\n",
            "from src.core import security, thing\n",
        )
