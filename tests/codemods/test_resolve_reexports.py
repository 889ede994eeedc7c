"""FM004 before/after: users of a dissolved re-exporting package name the real modules."""

from __future__ import annotations

from dataclasses import replace

from libcst.codemod import CodemodContext, CodemodTest

from forgeapi_migrate.codemods.resolve_reexports import ResolveReexports
from tests.helpers import plan_from_moves

PLAN = replace(
    plan_from_moves(
        {
            "app/models/user.py": "src/users/models.py",
            "app/models/item.py": "src/items/models.py",
            "app/schemas/user.py": "src/users/schemas.py",
            "app/crud/crud_user.py": "src/users/service.py",
        },
        deletions=(
            "app/models/__init__.py",
            "app/schemas/__init__.py",
            "app/crud/__init__.py",
            "app/db/__init__.py",
        ),
    ),
    domains=("items", "users"),
    reexports={
        "app.models": {"User": "app.models.user:User", "Item": "app.models.item:Item"},
        "app.schemas": {"User": "app.schemas.user:User"},
        "app.crud": {
            "user": "app.crud.crud_user:user",
            "crud_user": "app.crud.crud_user",
            "User": "app.models:User",
        },
        "app.db": {"SQLModel": "sqlmodel:SQLModel", "session": "app.db.session"},
        "app.base": {"SQLModel": "sqlmodel:SQLModel"},
    },
)


def in_routes() -> CodemodContext:
    return CodemodContext(
        filename="app/api/routes/users.py",
        full_module_name="app.api.routes.users",
        full_package_name="app.api.routes",
    )


class TestResolveReexports(CodemodTest):
    TRANSFORM = ResolveReexports

    def check(self, before: str, after: str, warnings: list[str] | None = None) -> None:
        self.assertCodemod(
            before, after, PLAN, context_override=in_routes(), expected_warnings=warnings or []
        )  # type: ignore[arg-type]

    def test_noop_without_reexporting_packages(self) -> None:
        code = "from app.models.user import User\nfrom app.core import config\nx = User, config\n"
        self.check(code, code)

    def test_names_from_the_package_come_from_their_modules(self) -> None:
        self.check(
            "from app.models import User, Item as It  # noqa\n",
            "from app.models.user import User  # noqa\nfrom app.models.item import Item as It  # noqa\n",
        )

    def test_same_class_name_in_models_and_schemas_stays_distinct(self) -> None:
        self.check(
            "from app import models, schemas\n\n"
            "@router.get('/', response_model=schemas.User)\n"
            "def read(db=Depends(get_db)) -> models.User:\n"
            "    return db.get(models.User, 1), models.Item\n",
            "from app.models import item as item_models, user as user_models\n"
            "from app.schemas import user as user_schemas\n\n"
            "@router.get('/', response_model=user_schemas.User)\n"
            "def read(db=Depends(get_db)) -> user_models.User:\n"
            "    return db.get(user_models.User, 1), item_models.Item\n",
        )

    def test_relative_package_import_and_module_export(self) -> None:
        self.check(
            "from ... import crud\n\ncrud.user.get(db, 1)\ncrud.crud_user.helper()\n",
            "from app.crud import crud_user as user_service\n\nuser_service.user.get(db, 1)\nuser_service.helper()\n",
        )

    def test_side_effect_import_keeps_registering_every_module(self) -> None:
        self.check(
            "from app import models  # noqa: F401\n",
            "from app.models import item as item_models, user as user_models  # noqa: F401\n",
        )

    def test_a_package_used_only_for_a_foreign_reexport_still_registers_its_modules(self) -> None:
        models = {**PLAN.reexports["app.models"], "Base": "app.db.base:Base"}  # from elsewhere
        plan = replace(PLAN, reexports={**PLAN.reexports, "app.models": models})
        self.assertCodemod(
            "from app import models\n\nmodels.Base.metadata.create_all(engine)\n",
            "from app.db import base as db_base\nfrom app.models import item as item_models, "
            "user as user_models\n\ndb_base.Base.metadata.create_all(engine)\n",
            plan,
            context_override=in_routes(),
        )  # type: ignore[arg-type]

    def test_star_import_becomes_one_per_module(self) -> None:
        self.check(
            "from app.models import *\n",
            "from app.models.item import *\nfrom app.models.user import *\n",
        )

    def test_package_used_as_an_object_is_left_and_reported(self) -> None:
        code = "from app import crud\n\nregistry.append(crud)\n"
        self.check(code, code, ["line 1: `crud` is used as an object; left as it was"])

    def test_setattr_on_the_package_patches_the_module_that_defines_the_name(self) -> None:
        # code that used `crud.user` now uses `user_service.user`: the patch must follow
        self.check(
            'from app import crud\n\nmonkeypatch.setattr(crud, "user", fake)\n',
            "from app.crud import crud_user as user_service\n\n"
            'monkeypatch.setattr(user_service, "user", fake)\n',
        )

    def test_a_name_passed_on_by_two_dissolved_packages_comes_from_where_it_lives(self) -> None:
        # crud.py imported User from app.models, itself dissolved (split): the real module
        self.check(
            "from app import crud\n\ncrud.User\ncrud.user\n",
            "from app.crud import crud_user as user_service\nfrom app.models import user as user_models\n\n"
            "user_models.User\nuser_service.user\n",
        )

    def test_a_library_name_passed_on_comes_from_the_library_and_still_registers(self) -> None:
        """`from app.db import SQLModel` in Alembic's env.py: sqlmodel's class, and importing
        the package ran its modules (every table on SQLModel.metadata): both kept."""
        self.check(
            "from app.db import SQLModel  # noqa\n",
            "from sqlmodel import SQLModel  # noqa\nfrom app.db import session as db_session  # noqa\n",
        )
        self.check(
            "from app.db import *\n",
            "from app.db.session import *\nfrom sqlmodel import SQLModel\n",
        )

    def test_a_side_effect_import_registers_the_own_modules_not_the_libraries(self) -> None:
        # fastapi-course: `from . import models` (unused) where models.py imported sqlalchemy
        # names: the libraries got an empty alias and the run stopped (CSTValidationError)
        self.check(
            "from app import db  # noqa: F401\n",
            "from app.db import session as db_session  # noqa: F401\n",
        )

    def test_a_package_of_library_names_only_used_as_such_is_left_and_reported(self) -> None:
        code = "from app import base\n\nbase.SQLModel\n"
        self.check(code, code, ["line 1: `base` names no module of ours; left as it was"])

    def test_names_in_string_annotations_follow_too(self) -> None:
        # bitcart: `from api import models` under TYPE_CHECKING, used only in strings
        self.check(
            "if TYPE_CHECKING:\n    from app import models\n\n"
            'def f() -> tuple["models.User", "list[models.Item]"]: ...\n',
            "if TYPE_CHECKING:\n    from app.models import item as item_models, user as user_models\n\n"
            'def f() -> tuple["user_models.User", "list[item_models.Item]"]: ...\n',
        )

    def test_name_not_reexported_keeps_a_binding_and_is_reported(self) -> None:
        # alone: `models` stays bound (to a module of the package), so the file still imports,
        # and every module of the package is still imported, as importing the package did
        self.check(
            "from app import models\nmodels.Base\n",
            "from app.models import item as item_models, item as models, user as user_models\n"
            "models.Base\n",
            [
                "line 1: `models.Base` not found in app.models; `models` kept, bound to src.items.models"
            ],
        )

    def test_a_missing_name_beside_followed_ones_binds_every_name_it_uses(self) -> None:
        """`crud.get_book`, which the package never had, beside `crud.user`, which it had: the
        followed use is rewritten and imported, the other keeps `crud` bound (the module the
        file uses most), so nothing is left unbound; the same bytes on every run."""
        self.check(
            "from app import crud\n\ncrud.get_book(1)\ncrud.user\ncrud.crud_user.x\n",
            "from app.crud import crud_user as crud, crud_user as user_service\n\n"
            "crud.get_book(1)\nuser_service.user\nuser_service.x\n",
            [
                "line 1: `crud.get_book` not found in app.crud; `crud` kept, bound to src.users.service"
            ],
        )


def test_an_alias_never_shadows_a_name_the_file_has() -> None:
    """`utils.time.now()` through a dissolved `app.utils`, in a file that also imports the
    standard library's `time`: the real module gets an alias of its own (bitcart's tests)."""
    plan = replace(
        plan_from_moves(
            {"app/utils/time.py": "src/time.py", "app/utils/text.py": "src/text.py"},
            deletions=("app/utils/__init__.py",),
        ),
        reexports={"app.utils": {"time": "app.utils.time", "text": "app.utils.text"}},
    )
    before = (
        "import time\n\nfrom app import utils\n\nutils.time.now()\nutils.text.x()\ntime.sleep(1)\n"
    )
    after = (
        "import time\n\nfrom app.utils import text, time as src_time\n\n"
        "src_time.now()\ntext.x()\ntime.sleep(1)\n"
    )

    class Check(CodemodTest):
        TRANSFORM = ResolveReexports

    Check().assertCodemod(before, after, plan, context_override=in_routes())  # type: ignore[arg-type]
