"""FM005 before/after: the naming convention lands on the declarative base, once."""

from __future__ import annotations

from dataclasses import replace

from libcst.codemod import CodemodTest

from forgeapi_migrate.codemods.add_naming_convention import CONVENTION, AddNamingConvention
from forgeapi_migrate.plan import MigrationPlan

PLAN = MigrationPlan("src", "src", (), naming_convention=True)


class TestAddNamingConvention(CodemodTest):
    TRANSFORM = AddNamingConvention

    def check(self, before: str, after: str) -> None:
        self.assertCodemod(before, after, PLAN)  # type: ignore[arg-type]
        self.assertCodemod(after, after, PLAN)  # type: ignore[arg-type]

    def test_noop_without_a_declarative_base(self) -> None:
        code = "from sqlalchemy import Column\n\nx = Column()\n"
        self.check(code, code)

    def test_declarative_base_class(self) -> None:
        self.check(
            '"""DB."""\nfrom sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n',
            '"""DB."""\nfrom sqlalchemy.orm import DeclarativeBase\nfrom sqlalchemy import MetaData\n\n'
            + CONVENTION
            + "\n\nclass Base(DeclarativeBase):\n    metadata = MetaData(naming_convention=NAMING_CONVENTION)\n",
        )

    def test_legacy_declarative_base_call_reuses_an_existing_metadata_import(self) -> None:
        self.check(
            "from sqlalchemy import MetaData\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n",
            "from sqlalchemy import MetaData\nfrom sqlalchemy.orm import declarative_base\n\n"
            + CONVENTION
            + "\nBase = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))\n",
        )

    def test_a_project_convention_or_metadata_is_kept(self) -> None:
        code = (
            "from sqlalchemy import MetaData\nfrom sqlalchemy.orm import DeclarativeBase\n\n\n"
            "class Base(DeclarativeBase):\n    metadata = MetaData(schema='app')\n"
        )
        self.check(code, code)

    def test_off_in_the_plan_means_untouched(self) -> None:
        code = "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n"
        applies = AddNamingConvention.applies_to(
            "m.py", code.encode(), replace(PLAN, naming_convention=False)
        )
        assert applies is False
        assert AddNamingConvention.applies_to("m.py", code.encode(), PLAN) is True


class TestSQLModelConvention(CodemodTest):
    """SQLModel: one metadata for all tables, set in the package __init__ (runs first)."""

    TRANSFORM = AddNamingConvention
    PLAN = MigrationPlan("app", "src", (), naming_convention=True, sqlmodel=True)

    def test_empty_package_init_gets_the_convention(self) -> None:
        from libcst.codemod import CodemodContext

        self.assertCodemod(
            "",
            "from sqlmodel import SQLModel\n\n"
            + CONVENTION
            + "# Set here: this module runs before any module that defines a table.\n"
            "SQLModel.metadata.naming_convention = NAMING_CONVENTION\n",
            self.PLAN,  # type: ignore[arg-type]
            context_override=CodemodContext(filename="app/__init__.py"),
        )

    def test_only_the_package_init(self) -> None:
        assert AddNamingConvention.applies_to("app/__init__.py", b"", self.PLAN)
        assert not AddNamingConvention.applies_to("app/models/__init__.py", b"", self.PLAN)
        off = replace(self.PLAN, sqlmodel=False)
        assert not AddNamingConvention.applies_to("app/__init__.py", b"", off)
