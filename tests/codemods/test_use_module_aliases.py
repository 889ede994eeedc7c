"""FM003 before/after: cross-domain imports become module aliases, scope-safely."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import libcst as cst
import pytest
from libcst.codemod import CodemodContext, CodemodTest

from forgeapi_migrate.codemods._name_facts import NameFacts
from forgeapi_migrate.codemods.use_module_aliases import UseModuleAliases
from forgeapi_migrate.pipeline import RunOptions, run
from forgeapi_migrate.plan import MigrationPlan
from tests.corpus_tests import support

PLAN = MigrationPlan("src", "src", (), domains=("auth", "notifications", "posts", "users"))


def in_posts() -> CodemodContext:
    return CodemodContext(
        filename="src/posts/service.py",
        full_module_name="src.posts.service",
        full_package_name="src.posts",
    )


class TestUseModuleAliases(CodemodTest):
    TRANSFORM = UseModuleAliases

    def check(
        self, before: str, after: str, warnings: list[str] | None = None, plan: MigrationPlan = PLAN
    ) -> None:
        self.assertCodemod(
            before, after, plan, context_override=in_posts(), expected_warnings=warnings or []
        )  # type: ignore[arg-type]
        # idempotent: the output is a fixed point
        self.assertCodemod(
            after, after, plan, context_override=in_posts(), expected_warnings=warnings or []
        )  # type: ignore[arg-type]

    def test_noop_same_domain_global_and_already_aliased(self) -> None:
        code = (
            "from src.posts.models import Post\n"
            "from src.posts.constants import MAX_LEN\n"
            "from src.config import settings\n"
            "from src.database import get_db\n"
            "from src.users import service as user_service\n"
            "from src.users.models import User, UserRole\n"
            "x = user_service.get_user(MAX_LEN, User, UserRole, Post, settings, get_db)\n"
        )
        self.check(code, code)

    def test_file_outside_any_domain_is_untouched(self) -> None:
        code = "from src.users.service import get_user\nget_user(1)\n"
        context = CodemodContext(filename="tests/t.py", full_module_name=None)
        self.assertCodemod(code, code, PLAN, context_override=context)  # type: ignore[arg-type]

    def test_function_becomes_module_alias_everywhere_it_is_used(self) -> None:
        self.check(
            "from src.notifications.service import send_email\n\n"
            "@retry(send_email)\n"
            "def notify(post, sender=send_email) -> type(send_email):\n"
            "    return send_email(post)\n",
            "from src.notifications import service as notification_service\n\n"
            "@retry(notification_service.send_email)\n"
            "def notify(post, sender=notification_service.send_email) -> type(notification_service.send_email):\n"
            "    return notification_service.send_email(post)\n",
        )

    def test_shadowing_local_parameter_keyword_and_attribute_are_not_rewritten(self) -> None:
        self.check(
            "from src.auth.constants import TOKEN_TTL\n\n"
            "def a(TOKEN_TTL=1):\n    return TOKEN_TTL\n\n"
            "def b():\n    TOKEN_TTL = 2\n    return TOKEN_TTL\n\n"
            "def c(obj):\n    return obj.TOKEN_TTL, f(TOKEN_TTL=TOKEN_TTL), [TOKEN_TTL for TOKEN_TTL in obj]\n",
            "from src.auth import constants as auth_constants\n\n"
            "def a(TOKEN_TTL=1):\n    return TOKEN_TTL\n\n"
            "def b():\n    TOKEN_TTL = 2\n    return TOKEN_TTL\n\n"
            "def c(obj):\n    return obj.TOKEN_TTL, f(TOKEN_TTL=auth_constants.TOKEN_TTL), [TOKEN_TTL for TOKEN_TTL in obj]\n",
        )

    def test_simple_file_attribute_keyword_and_match_key_are_not_uses(self) -> None:
        # TOKEN_TTL is bound only by its import here: the cheap path (no scope analysis)
        self.check(
            "from src.auth.constants import TOKEN_TTL\n\n"
            "def c(obj):\n    return obj.TOKEN_TTL, f(TOKEN_TTL=TOKEN_TTL), f'{TOKEN_TTL}'\n\n"
            "match x:\n    case P(TOKEN_TTL=1):\n        pass\n",
            "from src.auth import constants as auth_constants\n\n"
            "def c(obj):\n    return obj.TOKEN_TTL, f(TOKEN_TTL=auth_constants.TOKEN_TTL), f'{auth_constants.TOKEN_TTL}'\n\n"
            "match x:\n    case P(TOKEN_TTL=1):\n        pass\n",
        )

    def test_classes_keep_their_name_or_get_a_domain_prefix(self) -> None:
        self.check(
            "from src.users.models import User\n"
            "from src.posts.models import Post\n"
            "from src.auth.constants import ErrorCode\n\n"
            "def f(u: User) -> ErrorCode:\n    return ErrorCode.DENIED\n",
            "from src.users.models import User\n"
            "from src.posts.models import Post\n"
            "from src.auth.constants import ErrorCode as AuthErrorCode\n\n"
            "def f(u: User) -> AuthErrorCode:\n    return AuthErrorCode.DENIED\n",
        )

    def test_class_in_a_string_annotation_is_left_and_reported(self) -> None:
        code = "from src.auth.models import Session\n\nx: 'Session'\n"
        self.check(
            code,
            code,
            [
                "line 1: `Session` is used where it cannot be rewritten (a string annotation?); left as it was"
            ],
        )

    def test_existing_module_alias_gets_the_conventional_name(self) -> None:
        self.check(
            "from src.users import service as crud_user, models\n\n"
            "def f(db) -> 'crud_user.Thing':\n    return crud_user.get(db, models.User)\n",
            "from src.users import service as user_service, models as user_models\n\n"
            "def f(db) -> 'user_service.Thing':\n    return user_service.get(db, user_models.User)\n",
        )

    def test_a_name_imported_under_the_conventional_alias_gives_it_to_the_module(self) -> None:
        """`from src.users.service import user_service` (an object named like the alias): the
        module takes the name, so that a second run has nothing left to rename."""
        self.check(
            "from src.users.service import user_service\n\nuser_service.get_user(1)\n",
            "from src.users import service as user_service\n\nuser_service.user_service.get_user(1)\n",
        )

    def test_a_name_import_above_the_module_import_reuses_its_alias(self) -> None:
        """fief, second run: `from src.users.service import get_user` above `from src.users
        import service as user_service` got a second import under `users_service`."""
        self.check(
            "from src.users.service import get_user\nfrom src.users import service as user_service\n\n"
            "get_user(user_service.x)\n",
            "from src.users import service as user_service\n\n"
            "user_service.get_user(user_service.x)\n",
        )

    def test_alias_taken_by_another_binding_uses_the_plural_form(self) -> None:
        self.check(
            "from src.users.service import get_user\n\nuser_service = object()\nget_user(user_service)\n",
            "from src.users import service as users_service\n\nuser_service = object()\nusers_service.get_user(user_service)\n",
            ["line 1: `user_service` is already used in this file; aliased as `users_service`"],
        )

    def test_plural_style_from_config(self) -> None:
        plan = replace(PLAN, alias_style="plural")
        self.check(
            "from src.users.service import get_user\nget_user()\n",
            "from src.users import service as users_service\nusers_service.get_user()\n",
            plan=plan,
        )

    def test_reexported_and_rebound_names_are_left_and_reported(self) -> None:
        code = (
            "from src.users.service import get_user, delete_user\n"
            '__all__ = ["get_user"]\n'
            "delete_user = wrap(delete_user)\n"
        )
        self.check(
            code,
            code,
            [
                "line 1: `get_user` is re-exported through __all__; left as it was",
                "line 1: `delete_user` is bound more than once in its scope; left as it was",
            ],
        )

    def test_patch_target_keeps_its_binding(self) -> None:
        plan = replace(PLAN, pinned_names=frozenset({"src.posts.service.get_user"}))
        code = "from src.users.service import get_user\nget_user()\n"
        self.check(
            code,
            code,
            [
                "line 1: `get_user` is a patch target (a string names src.posts.service.get_user); left as it was"
            ],
            plan=plan,
        )

    def test_mixed_names_split_and_share_one_module_import(self) -> None:
        self.check(
            "from src.users.service import UserService, get_user  # noqa: F401\n"
            "from src.users.service import delete_user\n"
            "get_user(delete_user, UserService)\n",
            "from src.users.service import UserService  # noqa: F401\n"
            "from src.users import service as user_service  # noqa: F401\n"
            "user_service.get_user(user_service.delete_user, UserService)\n",
        )

    def test_type_checking_block_and_relative_import(self) -> None:
        self.check(
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from ..auth.tokens import decode\n\n"
            "def f(x: 'decode') -> None:\n    decode(x)\n",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from src.auth import tokens as auth_tokens\n\n"
            "def f(x: 'auth_tokens.decode') -> None:\n    auth_tokens.decode(x)\n",
        )

    def test_plain_import_as_becomes_the_from_form(self) -> None:
        self.check(
            "import src.users.service as us\nimport src.posts.models as own\n\nus.get_user(own)\n",
            "from src.users import service as user_service\nimport src.posts.models as own\n\n"
            "user_service.get_user(own)\n",
        )

    def test_unused_import_is_kept_for_its_side_effects(self) -> None:
        code = "from src.users.service import register  # noqa: F401\n"
        self.check(code, code)


CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_the_cheap_path_gives_what_scope_analysis_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files whose imported names are bound once skip libcst's ScopeProvider; forcing the
    scope analysis everywhere must not change a byte of any corpus migration."""
    simple: list[bool] = []
    wants = UseModuleAliases.wants

    def spying_wants(self: UseModuleAliases, tree: cst.Module) -> bool:
        result = wants(self, tree)
        if result:
            simple.append(self.simple)
        return result

    monkeypatch.setattr(UseModuleAliases, "wants", spying_wants)
    for before in (CORPUS / case / "before" for case in support.cases()):
        project = tmp_path / before.parent.name
        shutil.copytree(before, project)
        cheap = run(RunOptions(project, "dry-run")).diff
        with monkeypatch.context() as forced:
            forced.setattr(UseModuleAliases, "needs_metadata", lambda self: True)
            assert run(RunOptions(project, "dry-run")).diff == cheap, before.parent.name
    assert True in simple, "the corpus must exercise the cheap path"


def test_a_name_bound_twice_takes_the_scope_analysis() -> None:
    facts = NameFacts.of(
        cst.parse_module(
            "from src.users.service import get_user\n\n\ndef f(get_user):\n    return get_user\n"
            "\n\nclass C:\n    x = [y for y in z]\n"
        )
    )
    assert facts.bindings["get_user"] == 2
    assert facts.bindings["y"] == 1 and facts.bindings["C"] == 1 and facts.bindings["x"] == 1
    assert [n.value for n in facts.uses["get_user"]] == ["get_user", "get_user"]  # param, use
