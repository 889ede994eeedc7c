"""Domain inference and plan building, from paths alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from forgeapi_migrate import naming
from forgeapi_migrate.config import load_config
from forgeapi_migrate.discover import discover
from forgeapi_migrate.errors import MigrationError
from forgeapi_migrate.naming import classify, domain_key, group_plurals
from forgeapi_migrate.plan import MigrationPlan, build_plan
from tests.conftest import write_tree

MAIN = "from fastapi import FastAPI\n\napp = FastAPI()\n"


@pytest.mark.parametrize(
    ("stem", "key"),
    [
        ("crud_user", "user"),
        ("user_service", "user"),
        ("user_repository", "user"),
        ("users", "users"),
        ("api_items", "items"),
        ("order_line", "order_line"),
        ("auth", "auth"),
    ],
)
def test_domain_key_strips_one_layer_affix(stem: str, key: str) -> None:
    assert domain_key(stem) == key


def test_plurals_merge_only_when_both_spellings_exist() -> None:
    assert group_plurals({"user", "users", "category", "categories", "auth", "address"}) == {
        "user": "users",
        "users": "users",
        "category": "categories",
        "categories": "categories",
        "auth": "auth",
        "address": "address",
    }


@pytest.mark.parametrize(
    ("parts", "kind", "role", "domain"),
    [
        (("api", "routes", "users"), "domain", "router", "users"),
        (("api", "v1", "endpoints", "orders"), "domain", "router", "orders"),
        (("api", "deps"), "global", "dependencies", None),
        (("api", "main"), "global", "api", None),
        (("api", "v1", "api"), "global", "api", None),
        (("crud", "crud_user"), "domain", "service", "user"),
        (("models", "base"), "global", "models", None),
        (("core", "config"), "global", "config", None),
        (("core", "security"), "shared", "", None),
        (("db", "session"), "global", "database", None),
        (("db", "base_class"), "global", "database", None),
        (("database",), "global", "database", None),
        (("main",), "global", "main", None),
        (("dependencies", "pagination"), "domain", "dependencies", "pagination"),
        (("dto", "order"), "domain", "schemas", "order"),
        (("controllers", "orders"), "domain", "router", "orders"),
        (("repos", "order_repo"), "domain", "service", "order"),
        (("crud", "utils"), "global", "utils", None),
        (("services", "utils"), "global", "utils", None),
    ],
)
def test_classify(parts: tuple[str, ...], kind: str, role: str, domain: str | None) -> None:
    placement = classify(parts)
    assert (placement.kind, placement.role, placement.domain) == (kind, role, domain)


def plan_for(tmp_path: Path, files: dict[str, str]) -> MigrationPlan:
    root = write_tree(tmp_path, {"app/__init__.py": "", "app/main.py": MAIN, **files})
    return build_plan(discover(root, load_config(root)), load_config(root))


def test_singular_and_plural_files_form_one_domain(tmp_path: Path) -> None:
    plan = plan_for(
        tmp_path,
        {
            "app/api/routes/users.py": "",
            "app/crud/crud_user.py": "",
            "app/models/user.py": "",
            "app/schemas/user.py": "",
            "app/dependencies/users.py": "",
            "app/dependencies/pagination.py": "",
        },
    )
    assert plan.new_paths == {
        "app/__init__.py": "src/__init__.py",
        "app/main.py": "src/main.py",
        "app/api/routes/users.py": "src/users/router.py",
        "app/crud/crud_user.py": "src/users/service.py",
        "app/models/user.py": "src/users/models.py",
        "app/schemas/user.py": "src/users/schemas.py",
        "app/dependencies/users.py": "src/users/dependencies.py",
        "app/dependencies/pagination.py": "src/dependencies.py",
    }
    assert plan.creations == ("src/users/__init__.py",)


def test_two_modules_on_one_destination_are_kept_apart(tmp_path: Path) -> None:
    plan = plan_for(
        tmp_path,
        {"app/crud/crud_user.py": "", "app/services/user_service.py": "", "app/db/session.py": "",
         "app/db/base.py": ""},
    )  # fmt: skip
    # only the singular spelling occurs, so the domain keeps it
    assert plan.new_paths["app/services/user_service.py"] == "src/user/service.py"
    assert plan.new_paths["app/crud/crud_user.py"] == "src/user/crud.py"
    assert plan.new_paths["app/db/session.py"] == "src/database.py"
    assert plan.new_paths["app/db/base.py"] == "src/base.py"
    assert [n.path for n in plan.notes if n.code == "FMP01"] == [
        "app/crud/crud_user.py",
        "app/db/base.py",
    ]


def test_layer_packages_dissolve_and_shared_packages_stay(tmp_path: Path) -> None:
    plan = plan_for(
        tmp_path,
        {"app/core/__init__.py": "", "app/core/config.py": "", "app/core/security.py": "",
         "app/models/__init__.py": '"""Models."""\n', "app/models/item.py": "",
         "app/schemas/__init__.py": "from .item import ItemOut\n", "app/schemas/item.py": "",
         "app/crud/__init__.py": "REGISTRY = {}\n", "app/crud/crud_item.py": ""},
    )  # fmt: skip
    assert plan.new_paths["app/core/__init__.py"] == "src/core/__init__.py"
    assert plan.new_paths["app/core/security.py"] == "src/core/security.py"
    assert "app/models/__init__.py" in plan.deletions
    # an __init__ that only re-exports is dissolved; its users are pointed at the modules
    assert "app/schemas/__init__.py" in plan.deletions
    assert plan.reexports == {
        "app.schemas": {"ItemOut": "app.schemas.item:ItemOut", "item": "app.schemas.item"}
    }
    # an __init__ with code of its own becomes the global module of its layer
    assert plan.new_paths["app/crud/__init__.py"] == "src/service.py"
    assert [n.code for n in plan.notes if n.code in ("FMP03", "FMP04")] == ["FMP03", "FMP04"]


def test_nested_layers_are_read_at_the_leaf(tmp_path: Path) -> None:
    plan = plan_for(
        tmp_path,
        {"app/api/v1/users/users.py": "", "app/schemas/requests/users.py": "",
         "app/schemas/responses/users.py": "", "app/models/user.py": ""},
    )  # fmt: skip
    assert plan.new_paths["app/api/v1/users/users.py"] == "src/users/router.py"
    assert plan.new_paths["app/schemas/requests/users.py"] == "src/users/schemas.py"
    assert plan.new_paths["app/schemas/responses/users.py"] == "src/users/responses.py"
    assert plan.new_paths["app/models/user.py"] == "src/users/models.py"


def test_star_reexports_are_enumerated(tmp_path: Path) -> None:
    plan = plan_for(
        tmp_path,
        {"app/models/__init__.py": "from .user import *\nfrom .item import *\n",
         "app/models/user.py": "import sqlalchemy as sa\n\n\nclass User:\n    pass\n\n\n_hidden = 1\n",
         "app/models/item.py": '__all__ = ["Item"]\n\n\nclass Item:\n    pass\n\n\nclass Other:\n    pass\n'},
    )  # fmt: skip
    assert "app/models/__init__.py" in plan.deletions
    assert plan.reexports["app.models"] == {
        "sa": "app.models.user:sa",
        "User": "app.models.user:User",
        "Item": "app.models.item:Item",
        "user": "app.models.user",  # submodules are importable through the package too
        "item": "app.models.item",
    }


def test_domain_override_from_config(tmp_path: Path) -> None:
    plan = plan_for(
        tmp_path,
        {"pyproject.toml": '[tool.forgeapi-migrate.domains]\nlogin = "auth"\n"app/models/user.py" = "accounts"\n',
         "app/api/routes/login.py": "", "app/models/user.py": ""},
    )  # fmt: skip
    assert plan.new_paths["app/api/routes/login.py"] == "src/auth/router.py"
    assert plan.new_paths["app/models/user.py"] == "src/accounts/models.py"


def test_domain_named_like_a_global_module_is_renamed(tmp_path: Path) -> None:
    plan = plan_for(tmp_path, {"app/core/config.py": "", "app/api/routes/config.py": ""})
    assert plan.new_paths["app/core/config.py"] == "src/config.py"
    assert plan.new_paths["app/api/routes/config.py"] == "src/configs/router.py"
    move = next(m for m in plan.moves if m.old == "app/api/routes/config.py")
    assert "renamed 'configs': named like a global module" in move.reason


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # a router named utils.py beside the package's utils.py and a crud layer's utils.py
        (
            {"app/api/routes/utils.py": "", "app/utils.py": "", "app/crud/utils.py": ""},
            {
                "app/api/routes/utils.py": "src/utils_domain/router.py",
                "app/utils.py": "src/utils.py",
                "app/crud/utils.py": "src/crud_utils.py",
            },
        ),
        # a domain named like a standard-library module
        (
            {"app/schemas/token.py": "", "app/api/routes/login.py": ""},
            {"app/schemas/token.py": "src/tokens/schemas.py"},
        ),
        # a top-level module named like a domain joins it
        (
            {
                "app/auth.py": "",
                "app/routers/auth.py": "",
                "app/invoices.py": "",
                "app/models/invoice.py": "",
                "app/services/invoices.py": "",
            },
            {
                "app/auth.py": "src/auth/service.py",
                "app/routers/auth.py": "src/auth/router.py",
                "app/invoices.py": "src/invoices/invoices.py",
                "app/services/invoices.py": "src/invoices/service.py",
            },
        ),
        # one domain's router split across files in a folder of its own
        (
            {
                "app/api/routes/api.py": "",
                "app/api/routes/articles/api.py": "",
                "app/api/routes/articles/articles_common.py": "",
                "app/api/routes/articles/articles_resource.py": "",
                "app/api/routes/comments.py": "",
            },
            {
                "app/api/routes/api.py": "src/api.py",
                "app/api/routes/articles/api.py": "src/articles/router.py",
                "app/api/routes/articles/articles_common.py": "src/articles/articles_common.py",
                "app/api/routes/articles/articles_resource.py": "src/articles/articles_resource.py",
                "app/api/routes/comments.py": "src/comments/router.py",
            },
        ),
        # the same router name in two sub-applications
        (
            {
                "app/apps/api/routers/users.py": "",
                "app/apps/dashboard/routers/users.py": "",
                "app/apps/auth/routers/users.py": "",
            },
            {
                "app/apps/api/routers/users.py": "src/users/router.py",
                "app/apps/auth/routers/users.py": "src/users/auth_router.py",
                "app/apps/dashboard/routers/users.py": "src/users/dashboard_router.py",
            },
        ),
        # test code inside the package keeps its place and never makes a domain
        (
            {
                "app/tests/__init__.py": "",
                "app/tests/api/__init__.py": "",
                "app/tests/api/test_items.py": "",
                "app/tests/crud/test_item.py": "",
                "app/tests/utils/item.py": "",
                "app/tests/conftest.py": "",
                "app/api/routes/items.py": "",
            },
            {
                "app/tests/api/test_items.py": "src/tests/api/test_items.py",
                "app/tests/crud/test_item.py": "src/tests/crud/test_item.py",
                "app/tests/utils/item.py": "src/tests/utils/item.py",
                "app/tests/conftest.py": "src/tests/conftest.py",
                "app/tests/__init__.py": "src/tests/__init__.py",
                "app/tests/api/__init__.py": "src/tests/api/__init__.py",
            },
        ),
    ],
)
def test_name_clashes_are_settled_not_refused(
    tmp_path: Path, files: dict[str, str], expected: dict[str, str]
) -> None:
    plan = plan_for(tmp_path, files)
    assert {old: plan.new_paths[old] for old in expected} == expected
    assert len(set(plan.new_paths.values())) == len(plan.new_paths)


def test_already_domain_first_gives_an_empty_plan(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path, {"src/__init__.py": "", "src/main.py": MAIN, "src/users/router.py": ""}
    )
    plan = build_plan(discover(root, load_config(root)), load_config(root))
    assert plan.is_empty


def test_a_layered_package_named_like_the_target_is_migrated_inside_itself(
    tmp_path: Path,
) -> None:
    """`src/api/routes/users.py` in a layered package called `src` (imported as `src.x`
    everywhere): the domains go inside the existing package, nothing is renamed."""
    root = write_tree(
        tmp_path,
        {"src/__init__.py": "", "src/main.py": MAIN, "src/api/__init__.py": "",
         "src/api/routes/__init__.py": "", "src/api/routes/users.py": "",
         "src/repository/crud/user.py": "", "src/models/db/user.py": ""},
    )  # fmt: skip
    plan = build_plan(discover(root, load_config(root)), load_config(root))
    assert (plan.source_package, plan.target_package) == ("src", "src")
    assert plan.new_paths["src/api/routes/users.py"] == "src/users/router.py"
    assert plan.new_paths["src/repository/crud/user.py"] == "src/users/service.py"
    assert plan.new_paths["src/models/db/user.py"] == "src/users/models.py"
    assert plan.new_paths["src/main.py"] == "src/main.py"
    assert "src/api/routes/__init__.py" in plan.deletions


def test_lone_modules_of_a_layer_are_shared_not_domains(tmp_path: Path) -> None:
    """A one-module "domain" outside the routers that defines no table and no name of its
    own (`schemas/jwt.py` with `JWToken`, `repository/table.py` with a declarative base) is a
    shared module; one that names itself (`schemas/token.py` with `Token`) stays a domain;
    an aggregator that only includes routers is the router aggregator, whatever its name."""
    plan = plan_for(
        tmp_path,
        {"app/schemas/jwt.py": "class JWToken:\n    pass\n",
         "app/schemas/token.py": "class Token:\n    pass\n",
         "app/repository/table.py": "class DBTable(DeclarativeBase):\n    pass\n",
         "app/repository/database.py": "class AsyncDatabase:\n    pass\n",
         "app/repository/item.py": "class Item(Base):\n    __tablename__ = 'item'\n",
         "app/api/endpoints.py": "from app.api.routes import users\nrouter.include_router(users.router)\n",
         "app/api/routes/users.py": "@router.get('/')\ndef f(): pass\n",
         "app/api/routes/orders.py": "router.include_router(x)\n@router.get('/')\ndef f(): pass\n"},
    )  # fmt: skip
    assert plan.new_paths["app/schemas/jwt.py"] == "src/jwt.py"
    assert plan.new_paths["app/schemas/token.py"] == "src/tokens/schemas.py"
    assert plan.new_paths["app/repository/table.py"] == "src/table.py"
    assert plan.new_paths["app/repository/database.py"] == "src/database.py"
    assert plan.new_paths["app/repository/item.py"] == "src/item/service.py"
    assert plan.new_paths["app/api/endpoints.py"] == "src/api.py"
    assert plan.new_paths["app/api/routes/orders.py"] == "src/orders/router.py"


@pytest.mark.parametrize(
    ("plural", "expected"),
    [("users", "user"), ("categories", "category"), ("heroes", "hero"), ("shoes", "shoe"),
     ("statuses", "status"), ("addresses", "address"), ("boxes", "box"), ("status", "status")],
)  # fmt: skip
def test_singular(plural: str, expected: str) -> None:
    assert naming.singular(plural) == expected
    # a class named after its domain keeps its name across domains (no `HeroesHero`)
    assert naming.names_its_domain(naming.camel(expected) + "Public", plural)


def test_a_module_named_like_the_library_it_imports_is_not_a_domain(tmp_path: Path) -> None:
    plan = plan_for(
        tmp_path,
        {"app/models/pydantic.py": "from pydantic import BaseModel\n",
         "app/schemas/token.py": "", "app/models/user.py": "", "app/api/routes/users.py": ""},
    )  # fmt: skip
    assert plan.new_paths["app/models/pydantic.py"] == "src/pydantic_models.py"
    notes = [(n.path, n.message.split(" is named")[0]) for n in plan.notes if n.code == "FMP06"]
    # a domain named like the standard library's `token` is renamed, so nothing shadows it
    assert plan.new_paths["app/schemas/token.py"] == "src/tokens/schemas.py"
    assert notes == []


def test_layer_named_files_join_the_one_domain_that_uses_them(tmp_path: Path) -> None:
    """`api/crud.py`, `models/pydantic.py`, `models/tortoise.py` for one domain: not domains
    called crud or globals called pydantic_models, but that domain's service, schemas, models."""
    plan = plan_for(
        tmp_path,
        {"app/api/summaries.py": "from app.api import crud\nfrom app.models.pydantic import S\nfrom app.models.tortoise import T\n",
         "app/api/crud.py": "from app.models.pydantic import S\nfrom app.models.tortoise import T\n",
         "app/api/ping.py": "", "app/models/__init__.py": "",
         "app/models/pydantic.py": "from pydantic import BaseModel\n",
         "app/models/tortoise.py": "from tortoise import fields, models\n",
         "app/summarizer.py": "from app.models.tortoise import T\n",
         "app/services/models.py": "from .. import x\n", "app/routers/items.py": "from app.services import models\n"},
    )  # fmt: skip
    assert {m.old: m.new for m in plan.moves if m.domain} == {
        "app/api/summaries.py": "src/summaries/router.py",
        "app/api/crud.py": "src/summaries/service.py",
        "app/api/ping.py": "src/ping/router.py",
        "app/models/pydantic.py": "src/summaries/schemas.py",
        "app/models/tortoise.py": "src/summaries/models.py",
        "app/services/models.py": "src/items/service.py",
        "app/routers/items.py": "src/items/router.py",
    }


def test_names_read_from_a_module_are_pinned_at_its_new_home(tmp_path: Path) -> None:
    """`from app.dependencies import users as user_dependencies` + `user_dependencies.get_model`
    (the form FM003 itself writes): `get_model` must stay bound in that module on a second run,
    as for `from app.dependencies.users import get_model`."""
    plan = plan_for(
        tmp_path,
        {"app/api/routes/users.py": "", "app/dependencies/users.py": "",
         "app/api/routes/items.py": (
             "from app.dependencies import users as user_dependencies\n"
             "from app.dependencies.users import (\n    current,  # the user\n)\n\n"
             "x = user_dependencies.get_model\n"
         )},
    )  # fmt: skip
    assert {
        "src.users.dependencies.get_model",
        "src.users.dependencies.current",
    } <= plan.imported_names


def test_a_namespace_folder_that_moves_whole_gets_no_init(tmp_path: Path) -> None:
    """`app/alembic/` (no `__init__.py`) moving whole inside the package stays a folder: an
    `__init__.py` in it (or in `versions/`) would make it a package it never was."""
    plan = plan_for(
        tmp_path,
        {"app/alembic/env.py": "", "app/alembic/versions/001_init.py": "",
         "app/models/user.py": "", "app/models/__init__.py": ""},
    )  # fmt: skip
    assert plan.new_paths["app/alembic/versions/001_init.py"] == "src/alembic/versions/001_init.py"
    assert "src/alembic/__init__.py" not in plan.creations
    assert "src/alembic/versions/__init__.py" not in plan.creations
    assert "src/user/__init__.py" in plan.creations


def test_a_src_layout_is_refused_naming_the_application_package(tmp_path: Path) -> None:
    """`src/app/` with no `src/__init__.py` (imported as `app`, `src/` on sys.path): refused
    with what it is, not "not a FastAPI project"."""
    root = write_tree(
        tmp_path,
        {"src/app/__init__.py": "", "src/app/main.py": MAIN, "src/app/crud/user.py": ""},
    )
    with pytest.raises(MigrationError, match=r"application package src/app/ is inside src/"):
        discover(root, load_config(root))


def test_an_application_package_inside_a_package_named_like_the_target(tmp_path: Path) -> None:
    """`src/__init__.py` + `src/app/` (imported as `src.app`): `src` is the layered package;
    the domains go inside it, the application's own modules keep their place."""
    root = write_tree(
        tmp_path,
        {"src/__init__.py": "", "src/app/__init__.py": "", "src/app/main.py": MAIN,
         "src/app/api/routes/users.py": "", "src/app/crud/user.py": ""},
    )  # fmt: skip
    plan = build_plan(discover(root, load_config(root)), load_config(root))
    assert plan.new_paths["src/app/api/routes/users.py"] == "src/users/router.py"
    assert plan.new_paths["src/app/crud/user.py"] == "src/users/service.py"
    assert plan.new_paths["src/app/main.py"] == "src/app/main.py"
