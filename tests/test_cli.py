"""The CLI contract through main(argv): exit codes, streams, and an untouched tree on errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from forgeapi_migrate import __version__
from forgeapi_migrate.cli import main
from tests.conftest import MINI_PROJECT, write_tree
from tests.helpers import git, tree_files


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"forgeapi-migrate {__version__}"


def test_list_codemods(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list-codemods"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == [
        "FM004",
        "FM001",
        "FM003",
        "FM005",
        "FM002",
        "FM006",
    ]


def test_dry_run_prints_diff_and_writes_nothing(
    mini: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    before = tree_files(mini)
    assert main([str(mini), "--dry-run"]) == 1
    out, err = capfdbinary.readouterr()
    assert b"rename from app/api/routes/users.py\nrename to src/users/router.py\n" in out
    assert b"+from src.users import service as crud_user\n" in out
    assert b"Would migrate: 8 files moved" in err
    assert tree_files(mini) == before


def test_check_then_migrate_then_check(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(mini), "--check"]) == 1
    assert capsys.readouterr().out == ""
    assert main([str(mini)]) == 0
    assert (mini / "src/users/router.py").is_file()
    assert not (mini / "app").exists()
    assert main([str(mini), "--check"]) == 0


def test_syntax_error_names_file_and_line_and_writes_nothing(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(mini, {"app/crud/broken.py": "from app.models.item import Item\n\ndef f(:\n"})
    before = tree_files(mini)
    assert main([str(mini)]) == 2
    err = capsys.readouterr().err
    assert "app/crud/broken.py:3:" in err
    assert "Traceback" not in err
    assert tree_files(mini) == before


def test_undecodable_file_is_an_error(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(mini, {"app/crud/latin.py": b"import app.core.config\nname = '\xe9'\n"})
    before = tree_files(mini)
    assert main([str(mini), "--dry-run"]) == 2
    assert "app/crud/latin.py:" in capsys.readouterr().err
    assert tree_files(mini) == before


def test_not_a_fastapi_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(tmp_path, {"lib/__init__.py": "", "lib/x.py": "x = 1\n"})
    assert main([str(tmp_path)]) == 2
    assert "not a FastAPI project" in capsys.readouterr().err


def test_existing_target_is_refused(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(mini, {"src/other.py": "x = 1\n"})
    before = tree_files(mini)
    assert main([str(mini)]) == 2
    assert "target package 'src' already exists" in capsys.readouterr().err
    assert tree_files(mini) == before


def test_target_from_pyproject(mini: Path) -> None:
    write_tree(mini, {"pyproject.toml": '[tool.forgeapi-migrate]\ntarget = "service"\n'})
    assert main([str(mini)]) == 0
    text = (mini / "service/users/router.py").read_text()
    assert "from service.users import service as crud_user" in text


def test_dirty_git_tree_is_refused_unless_allowed(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(mini, "init", "-q")
    git(mini, "add", "-A")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    write_tree(mini, {"notes.txt": "wip\n"})
    before = tree_files(mini)
    assert main([str(mini)]) == 2
    assert "uncommitted changes (notes.txt)" in capsys.readouterr().err
    assert tree_files(mini) == before
    assert main([str(mini), "--allow-dirty"]) == 0


def test_clean_git_tree_is_migrated(mini: Path) -> None:
    git(mini, "init", "-q")
    git(mini, "add", "-A")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    assert main([str(mini)]) == 0
    assert (mini / "src/main.py").is_file()


def test_json_report(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(mini), "--check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["pending"] is True
    assert data["files_moved"] == 8
    assert data["entry"] == {"old": "app.main:app", "new": "src.main:app"}
    assert {"old": "app/main.py", "new": "src/main.py", "edited": True} in data["changes"]


def test_json_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing"), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["error"] == "not a directory"


def test_unknown_codemod_id(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(mini), "--only", "FM999"]) == 2
    assert "unknown codemod id 'FM999'" in capsys.readouterr().err


def test_skip_every_codemod_still_moves_files(mini: Path) -> None:
    assert main([str(mini), "--skip", "FM001"]) == 0
    assert "from app.crud import crud_user" in (mini / "src/users/router.py").read_text()


def test_plan_table_and_saved_plan_is_followed(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "plan.toml"
    assert main(["plan", str(mini), "--plan-file", str(plan_file)]) == 0
    assert "src/users/router.py" in capsys.readouterr().out
    text = plan_file.read_text()
    assert 'new = "src/users/service.py"' in text
    plan_file.write_text(text.replace('"src/users/service.py"', '"src/accounts/service.py"'))
    assert main([str(mini), "--plan-file", str(plan_file)]) == 0
    assert (mini / "src/accounts/service.py").is_file()
    assert (mini / "src/accounts/__init__.py").is_file()
    router = (mini / "src/users/router.py").read_text()
    assert "from src.accounts import service as account_service" in router


def test_plan_file_that_does_not_match_the_tree(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "plan.toml"
    assert main(["plan", str(mini), "--plan-file", str(plan_file)]) == 0
    (mini / "app/models/item.py").unlink()
    before = tree_files(mini)
    capsys.readouterr()
    assert main([str(mini), "--plan-file", str(plan_file)]) == 2
    err = capsys.readouterr().err
    line = next(
        n
        for n, text in enumerate(plan_file.read_text().splitlines(), 1)
        if "app/models/item.py" in text
    )
    assert f"{plan_file}:{line}: app/models/item.py is in the plan but not in the tree" in err
    assert tree_files(mini) == before


def test_bytes_are_respected(
    mini: Path, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    crlf_bom = b"\xef\xbb\xbf# users\r\nfrom app.schemas.user import UserOut  # keep\r\n\r\nX = 1"
    latin = b"# -*- coding: latin-1 -*-\nfrom app.models.item import Item\nname = '\xe9'\n"
    write_tree(mini, {"app/crud/crud_item.py": crlf_bom, "app/core/legacy.py": latin})
    (mini / "app/crud/crud_item.py").chmod(0o755)
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(mini), str(copy)], check=True)
    assert main([str(mini), "--dry-run"]) == 1
    diff = capfdbinary.readouterr().out
    assert main([str(mini)]) == 0
    assert (mini / "src/items/service.py").read_bytes() == crlf_bom.replace(
        b"app.schemas.user", b"src.users.schemas"
    )
    assert os.stat(mini / "src/items/service.py").st_mode & 0o777 == 0o755
    assert (mini / "src/core/legacy.py").read_bytes() == latin.replace(
        b"app.models.item", b"src.items.models"
    )
    subprocess.run(["git", "apply", "-"], cwd=copy, input=diff, check=True)
    assert tree_files(copy) == tree_files(mini)


def test_interrupted_write_rolls_back(
    mini: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_files(mini)
    real_fchmod = os.fchmod
    calls = {"n": 0}

    def flaky_fchmod(fd: int, mode: int) -> None:  # inside the 5th new file's write
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        real_fchmod(fd, mode)

    monkeypatch.setattr(os, "fchmod", flaky_fchmod)
    assert main([str(mini)]) == 130
    assert calls["n"] >= 5
    assert "Interrupted" in capsys.readouterr().err
    assert tree_files(mini) == before
    assert not (mini / "src").exists()


def test_non_python_references_follow_or_are_reported(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(
        mini,
        {
            "Dockerfile": "WORKDIR /app/backend\nCMD uvicorn app.main:app\nRUN tail app.log\n",
            "Makefile": "run:\n\tpython ./app/main.py --config app/core/config.py\nlint:\n\truff check app/ tests/ && pytest --cov=app\n",
            "pyproject.toml": '[tool.coverage.run]\nsource = ["app"]\n[project]\nname = "apple"\n',
            "setup.cfg": "[coverage:run]\nsource = app/api/routes\n",
            "tests/test_patch.py": 'PATCH = "app.crud.crud_user.get"\n',
        },
    )
    assert main([str(mini), "--check"]) == 1
    err = capsys.readouterr().err
    assert "setup.cfg:2: FM090 'app/api/routes' names a folder the move dissolves" in err
    assert "Dockerfile" not in err
    assert "pyproject.toml" not in err  # `source = ["app"]` names the package: it follows
    assert main([str(mini)]) == 1  # written, but setup.cfg's reference needs a person
    assert (mini / "Dockerfile").read_text() == (
        "WORKDIR /app/backend\nCMD uvicorn src.main:app\nRUN tail app.log\n"
    )
    assert (mini / "setup.cfg").read_text() == "[coverage:run]\nsource = app/api/routes\n"
    assert (mini / "Makefile").read_text() == (
        "run:\n\tpython ./src/main.py --config src/config.py\n"
        "lint:\n\truff check src/ tests/ && pytest --cov=src\n"
    )
    assert (mini / "pyproject.toml").read_text().startswith('[tool.coverage.run]\nsource = ["src"]')
    assert (mini / "tests/test_patch.py").read_text() == 'PATCH = "src.users.service.get"\n'


def test_patch_target_follows_the_move_and_keeps_patching_what_the_code_uses(
    mini: Path,
) -> None:
    write_tree(
        mini,
        {
            "app/crud/crud_item.py": "from app.crud.crud_user import get\n\n\ndef owner(i):\n    return get(i)\n",
            "tests/test_items.py": (
                "from unittest import mock\n\n"
                "def test_owner():\n"
                '    with mock.patch("app.crud.crud_item.get", return_value=7):\n'
                "        from app.crud.crud_item import owner\n\n"
                "        assert owner(1) == 7\n"
            ),
        },
    )
    assert main([str(mini)]) == 0
    assert (
        (mini / "src/items/service.py")
        .read_text()
        .startswith("from src.users.service import get\n")
    )
    assert 'mock.patch("src.items.service.get"' in (mini / "tests/test_items.py").read_text()


def test_alias_codemod_alone_on_a_domain_first_project(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path,
        {
            "src/__init__.py": "",
            "src/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
            "src/users/__init__.py": "",
            "src/users/service.py": "def get_user(uid):\n    return uid\n",
            "src/posts/__init__.py": "",
            "src/posts/router.py": "from src.users.service import get_user\n\nget_user(1)\n",
        },
    )
    assert main([str(root), "--only", "FM003", "--check"]) == 1
    assert main([str(root), "--only", "FM003"]) == 0
    assert (root / "src/posts/router.py").read_text() == (
        "from src.users import service as user_service\n\nuser_service.get_user(1)\n"
    )
    assert main([str(root), "--check"]) == 0


def test_reexporting_packages_are_dissolved_and_their_users_still_work(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/main.py": (
                "from fastapi import FastAPI\n\nfrom app import models, schemas\n\n"
                "app = FastAPI()\n\n\n"
                "def describe():\n"
                "    return models.User.kind, schemas.User.kind, models.Item.kind\n"
            ),
            "app/models/__init__.py": '"""Models."""\nfrom .user import User\nfrom .item import Item\n\n__all__ = ["User", "Item"]\n',
            "app/models/user.py": "class User:\n    kind = 'table'\n",
            "app/models/item.py": "class Item:\n    kind = 'item table'\n",
            "app/schemas/__init__.py": "from app.schemas.user import User\n",
            "app/schemas/user.py": "class User:\n    kind = 'schema'\n",
        },
    )
    (root / "fastapi.py").write_text(
        "class FastAPI:\n    pass\n"
    )  # a stand-in, for the check below
    check = "from {}.main import describe; print(describe())"
    before = subprocess.run(
        [sys.executable, "-c", check.format("app")], cwd=root, capture_output=True, text=True
    )
    assert main([str(root)]) == 0
    assert not (root / "app").exists()
    after = subprocess.run(
        [sys.executable, "-c", check.format("src")], cwd=root, capture_output=True, text=True
    )
    assert before.stdout == after.stdout == "('table', 'schema', 'item table')\n", after.stderr
    text = (root / "src/main.py").read_text()
    assert "from src.item import models as item_models" in text
    assert "from src.user import models as user_models" in text
    assert "from src.user import schemas as user_schemas" in text


def test_unresolved_references_are_flagged(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(mini, {"tests/test_pkg.py": "import app.api.routes\n"})
    assert main([str(mini), "--check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    [finding] = [w for w in data["warnings"] if w["path"] == "tests/test_pkg.py"]
    assert finding["unresolved"] is True
    assert finding["line"] == 1
    assert main([str(mini)]) == 1  # written, and it says a person is needed
    assert (mini / "src/main.py").is_file()
    err = capsys.readouterr().err
    assert "unresolved tests/test_pkg.py:1: FM001" in err
    assert "1 reference could not follow the move" in err


def test_project_in_a_sub_folder_leaves_its_siblings_alone(tmp_path: Path) -> None:
    from tests.conftest import MINI_PROJECT

    repo = tmp_path / "repo"
    write_tree(repo / "services/api", dict(MINI_PROJECT))
    write_tree(repo, {"services/web/app.py": "import app.main\n", "README.md": "see app/main.py\n"})
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    write_tree(repo, {"services/web/wip.txt": "uncommitted, outside the project\n"})
    siblings = {p: b for p, b in tree_files(repo).items() if not p.startswith("services/api/")}
    assert main([str(repo / "services/api")]) == 0
    assert (repo / "services/api/src/users/router.py").is_file()
    assert {
        p: b for p, b in tree_files(repo).items() if not p.startswith("services/api/")
    } == siblings


def test_tests_inside_the_package_move_with_it(tmp_path: Path) -> None:
    from tests.conftest import MINI_PROJECT

    root = write_tree(
        tmp_path,
        {
            **MINI_PROJECT,
            "app/tests/__init__.py": "",
            "app/tests/conftest.py": "from app.main import app\n",
            "app/tests/test_users.py": "from app.crud.crud_user import get\n",
            "pyproject.toml": '[tool.pytest.ini_options]\ntestpaths = ["app/tests"]\n',
        },
    )
    assert main([str(root)]) == 0
    assert (root / "src/tests/conftest.py").read_text() == "from src.main import app\n"
    assert (root / "src/tests/test_users.py").read_text() == "from src.users.service import get\n"
    assert 'testpaths = ["src/tests"]' in (root / "pyproject.toml").read_text()


def test_attribute_patch_on_a_module_keeps_its_target_bound(mini: Path) -> None:
    write_tree(
        mini,
        {
            "app/crud/crud_item.py": "from app.crud.crud_user import get\n\n\ndef owner(i):\n    return get(i)\n",
            "tests/test_items.py": (
                "from app.crud import crud_item\n\n"
                "def test_owner(monkeypatch):\n"
                '    monkeypatch.setattr(crud_item, "get", lambda i: 7)\n'
                "    assert crud_item.owner(1) == 7\n"
            ),
        },
    )
    assert main([str(mini)]) == 0
    assert (
        (mini / "src/items/service.py")
        .read_text()
        .startswith("from src.users.service import get\n")
    )


def test_naming_convention_by_default_only_without_alembic_revisions(mini: Path) -> None:
    base = (
        "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n"
    )
    write_tree(mini, {"app/db/session.py": base})
    fresh = mini.parent / "fresh"
    subprocess.run(["cp", "-a", str(mini), str(fresh)], check=True)
    write_tree(mini, {"alembic/env.py": "", "alembic/versions/0001_init.py": "revision = '1'\n"})
    assert main([str(mini)]) == 0
    assert (mini / "src/database.py").read_text() == base  # revisions exist: opt-in only
    assert main([str(fresh)]) == 0
    assert (
        "metadata = MetaData(naming_convention=NAMING_CONVENTION)"
        in (fresh / "src/database.py").read_text()
    )


def test_a_broken_file_that_only_moves_is_an_error_too(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(mini, {"app/crud/crud_note.py": "x = 1\n\ndef f(:\n"})
    before = tree_files(mini)
    assert main([str(mini)]) == 2
    assert "app/crud/crud_note.py:3: cannot parse: invalid syntax" in capsys.readouterr().err
    assert tree_files(mini) == before


def test_source_and_exclude_from_pyproject(mini: Path) -> None:
    write_tree(
        mini,
        {
            "pyproject.toml": '[tool.forgeapi-migrate]\nsource = "app"\nexclude = ["app/legacy/*"]\n',
            "app/legacy/old.py": "from app.crud.crud_user import get\n",
            "tools/__init__.py": "",
            "tools/server.py": "from fastapi import FastAPI\n\nadmin = FastAPI()\n",
        },
    )
    assert main([str(mini)]) == 0  # two packages create FastAPI apps: `source` picks one
    assert (mini / "app/legacy/old.py").read_text() == "from app.crud.crud_user import get\n"
    assert (mini / "src/users/service.py").is_file()
    assert (
        mini / "tools/server.py"
    ).read_text() == "from fastapi import FastAPI\n\nadmin = FastAPI()\n"


def test_two_fastapi_packages_without_source_is_an_error(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(
        mini,
        {
            "tools/__init__.py": "",
            "tools/server.py": "from fastapi import FastAPI\n\nadmin = FastAPI()\n",
        },
    )
    assert main([str(mini)]) == 2
    assert "several packages create FastAPI applications (app, tools)" in capsys.readouterr().err


def test_resources_move_with_their_modules_and_file_paths_follow(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(
        mini,
        {
            "app/api/routes/users.py": MINI_PROJECT["app/api/routes/users.py"]
            + "\nSQL = (Path(__file__).parent / 'users.sql').read_text()\n"
            + "PAGE = Path(__file__).parents[2] / 'static' / 'users.html'\n",
            "app/api/routes/users.sql": "select 1;\n",  # named after its module: follows it
            "app/static/users.html": "<p>hi</p>\n",  # kept within the package
            "app/core/paths.py": "HERE = __file__\n",  # stays in its folder (src/core/): fine
            "app/core/lost.py": "ROUTES = Path(__file__).parent.parent / 'api' / 'routes'\n",
        },
    )
    assert main([str(mini), "--check"]) == 1
    err = capsys.readouterr().err
    assert (
        "unresolved app/core/lost.py:1: FM006 path built from __file__ should reach a folder" in err
    )
    assert "FM006" not in err.replace("app/core/lost.py:1: FM006", "")
    assert main([str(mini), "--allow-dirty"]) == 1  # lost.py needs a person
    assert (mini / "src/users/router.sql").read_text() == "select 1;\n"
    assert (mini / "src/static/users.html").is_file()
    assert not (mini / "app").exists()
    router = (mini / "src/users/router.py").read_text()
    assert "SQL = (Path(__file__).parent / 'router.sql').read_text()" in router
    assert "PAGE = Path(__file__).parents[1] / 'static' / 'users.html'" in router


def test_a_project_without_sqlalchemy_hears_why_nothing_alembic_happens(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(mini, {"app/db/__init__.py": "", "app/db/orm.py": "from tortoise import Tortoise\n"})
    assert main([str(mini), "--check"]) == 1
    err = capsys.readouterr().err
    assert "note app/__init__.py:1: FMA01 no SQLAlchemy or SQLModel in the package (Tortoise" in err
    assert main([str(mini), "--check", "--init-alembic"]) == 2
    assert "--init-alembic: no SQLAlchemy" in capsys.readouterr().err


SQLALCHEMY_FILES = {
    "app/db/__init__.py": "",
    "app/db/session.py": (
        "from sqlalchemy import create_engine\nfrom sqlalchemy.orm import DeclarativeBase\n\n"
        "engine = create_engine('sqlite://')\n\n\nclass Base(DeclarativeBase):\n    pass\n"
    ),
    "app/models/item.py": (
        "from sqlalchemy.orm import Mapped, mapped_column\n\nfrom app.db.session import Base\n\n\n"
        "class Item(Base):\n    __tablename__ = 'items'\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
    ),
}


def test_init_alembic_dry_run_shows_the_scaffold_and_applies(
    mini: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    write_tree(mini, SQLALCHEMY_FILES)
    assert main([str(mini), "--dry-run", "--init-alembic"]) == 1
    captured = capfdbinary.readouterr()
    diff = captured.out
    assert diff.startswith(b"diff --git "), diff[:200]  # nothing but the diff on stdout
    assert b"note app/__init__.py:1: FMA02" not in captured.err  # acted on, not suggested
    for new in (
        "alembic.ini",
        "alembic/env.py",
        "alembic/script.py.mako",
        "alembic/versions/.gitkeep",
    ):
        assert f"diff --git a/{new} b/{new}\nnew file mode".encode() in diff, new
    subprocess.run(["git", "apply", "-"], cwd=mini, input=diff, check=True)
    env_py = (mini / "alembic/env.py").read_text()
    assert "from src.database import Base  # noqa: E402\nimport src.items.models" in env_py
    assert "target_metadata = Base.metadata\n" in env_py
    assert "from src.database import engine as app_engine" in env_py
    ini = (mini / "alembic.ini").read_text()
    assert "script_location = %(here)s/alembic\n" in ini
    assert "file_template = %%(year)d-%%(month).2d-%%(day).2d_%%(slug)s\n" in ini


def test_layers_in_sibling_top_level_packages_migrate_with_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = write_tree(
        tmp_path / "p",
        {
            "core/__init__.py": "",
            "core/config.py": "NAME = 'x'\n",
            "core/main.py": "from fastapi import FastAPI\n\nfrom api.users import router\n\napp = FastAPI()\n",
            "api/__init__.py": "",
            "api/users.py": "from models.user import User\nimport models.item\n\nrouter = [User, models.item.Item]\n",
            "models/__init__.py": "from .user import User\n",  # a re-exporting layer package
            "models/user.py": "from core.config import NAME\n\n\nclass User:\n    pass\n",
            "models/item.py": "class Item:\n    pass\n",
            "scripts/seed.py": "from models import User\n",
            "tests/test_x.py": 'PATCH = "models.user.NAME"\n',
        },
    )
    assert main([str(project), "--allow-dirty"]) == 0
    files = {p.relative_to(project).as_posix() for p in project.rglob("*.py")}
    assert files == {
        "src/__init__.py", "src/main.py", "src/config.py", "src/users/__init__.py",
        "src/users/router.py", "src/users/models.py", "src/item/__init__.py",
        "src/item/models.py", "scripts/seed.py", "tests/test_x.py",
    }  # fmt: skip
    assert "from src.users.router import router\n" in (project / "src/main.py").read_text()
    assert (
        (project / "src/users/router.py")
        .read_text()
        .startswith("from src.users.models import User\nimport src.item.models\n")
    )
    assert (project / "src/users/models.py").read_text().startswith("from src.config import NAME\n")
    assert (project / "scripts/seed.py").read_text() == "from src.users.models import User\n"
    assert (project / "tests/test_x.py").read_text() == 'PATCH = "src.users.models.NAME"\n'
    assert main([str(project), "--check"]) == 0


@pytest.mark.parametrize("in_workers", [False, True], ids=["serial", "process-pool"])
def test_a_rewrite_that_does_not_parse_stops_the_run_before_anything_is_written(
    mini: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    in_workers: bool,
) -> None:
    import libcst as cst

    from forgeapi_migrate import transform
    from forgeapi_migrate.codemods.rewrite_imports import RewriteImports

    if in_workers:  # the workers re-check what they produce (forked: the patch goes along)
        monkeypatch.setattr(transform, "PARALLEL_MIN_FILES", 1)

    def broken(self: RewriteImports, tree: cst.Module) -> cst.Module:
        return tree.with_changes(body=[cst.SimpleStatementLine([cst.Expr(cst.Name("def"))])])

    monkeypatch.setattr(RewriteImports, "transform_module", broken)
    before = tree_files(mini)
    assert main([str(mini)]) == 2
    err = capsys.readouterr().err
    assert "internal error: the rewritten file does not parse" in err
    assert "src/" in err and "Traceback" not in err
    assert tree_files(mini) == before


def test_a_project_below_a_dirty_repository_root_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = write_tree(tmp_path / "services" / "api", dict(MINI_PROJECT))
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    write_tree(project, {"app/wip.py": "x = 1\n"})
    assert main([str(project)]) == 2
    assert "uncommitted changes (services/api/app/wip.py)" in capsys.readouterr().err


def test_outside_any_git_work_tree_gitpython_is_not_even_imported(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from forgeapi_migrate.vcs import dirty_files; "
        f"assert dirty_files(Path({str(tmp_path)!r})) is None; assert 'git' not in sys.modules"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_the_installed_command_flushes_its_output_before_its_quick_exit(
    mini: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """`entry_point` ends with `os._exit`, which drops unflushed buffers: through a pipe
    (block-buffered) the whole diff, the summary and the exit code must still arrive."""
    assert main([str(mini), "--dry-run"]) == 1
    expected = capfdbinary.readouterr().out
    command = [sys.executable, "-m", "forgeapi_migrate"]
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.run([*command, str(mini), "--dry-run"], capture_output=True, env=buffered)
    assert proc.returncode == 1
    assert proc.stdout == expected and expected.startswith(b"diff --git")
    assert b"Would migrate" in proc.stderr
    listed = subprocess.run(
        [*command, "list-codemods"], capture_output=True, text=True, env=buffered
    )
    assert listed.returncode == 0 and "FM001" in listed.stdout
    missing = subprocess.run(
        [*command, str(mini / "nowhere")], capture_output=True, text=True, env=buffered
    )
    assert missing.returncode == 2 and "nowhere" in missing.stderr


def test_hard_exit_delivers_what_is_still_buffered() -> None:
    code = (
        "import sys; from forgeapi_migrate.cli import hard_exit; "
        "print('first'); print('no newline', end=''); hard_exit(3)"
    )
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=buffered)
    assert proc.returncode == 3
    assert proc.stdout == b"first\nno newline"  # into a pipe: still buffered at the exit


def test_edited_text_files_keep_their_executable_bit(
    mini: Path, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """`prestart.sh` and `alembic.ini` edited in place keep their mode, as the diff says."""
    write_tree(
        mini,
        {"scripts/prestart.sh": "#!/bin/sh\npython -m app.initial_data\nuvicorn app.main:app\n",
         "alembic.ini": "[alembic]\nscript_location = alembic\n"},
    )  # fmt: skip
    for name in ("scripts/prestart.sh", "alembic.ini"):
        (mini / name).chmod(0o755)
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(mini), str(copy)], check=True)
    assert main([str(mini), "--dry-run"]) == 1
    diff = capfdbinary.readouterr().out
    assert main([str(mini)]) in (0, 1)
    assert b"src.main:app" in (mini / "scripts/prestart.sh").read_bytes()
    assert b"file_template" in (mini / "alembic.ini").read_bytes()
    for name in ("scripts/prestart.sh", "alembic.ini"):
        assert os.stat(mini / name).st_mode & 0o777 == 0o755, name
    subprocess.run(["git", "apply", "-"], cwd=copy, input=diff, check=True)
    assert tree_files(copy) == tree_files(mini)


def test_git_decides_what_belongs_to_the_package(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tracked package data in a folder called `build` moves with the package (a walk skipped
    `build/`); a git-ignored module stays where it is, said in the plan, and is not
    committed anywhere new; the dry-run diff still equals the in-place tree."""
    write_tree(
        mini,
        {"app/email-templates/build/new_account.html": "<p>hi</p>\n",
         "app/core/secrets.py": "API_KEY = 'x'\n", ".gitignore": "app/core/secrets.py\n"},
    )  # fmt: skip
    git(mini, "init", "-q")
    git(mini, "add", "-A")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(mini), str(copy)], check=True)
    assert main([str(mini), "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert "app/core/secrets.py:1: FMP07 ignored by git: left in place" in captured.err
    assert main([str(mini)]) == 0
    capsys.readouterr()
    assert (mini / "src/email-templates/build/new_account.html").is_file()
    assert (mini / "app/core/secrets.py").is_file()
    assert not (mini / "src/core/secrets.py").exists()
    subprocess.run(["git", "apply", "-"], cwd=copy, input=captured.out.encode(), check=True)
    assert tree_files(copy) == tree_files(mini)


def test_a_project_without_an_application_package_is_refused_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`main.py` beside `models.py` and `routers/` at the root (jomomg/conduit): said plainly,
    naming the file, exit 2, nothing written."""
    root = write_tree(
        tmp_path / "flat",
        {"main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n", "models.py": "",
         "routers/__init__.py": "", "routers/users.py": ""},
    )  # fmt: skip
    before = tree_files(root)
    assert main([str(root)]) == 2
    err = capsys.readouterr().err
    assert "main.py: the application is built by main.py at the project root" in err
    assert tree_files(root) == before


def test_a_text_file_of_the_package_is_moved_and_edited_in_one_change(
    mini: Path, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """`app/alembic.ini`, `app/start.sh` naming the package (fief): one renamed-and-edited
    file in the diff (a rename and an edit of the same path made `git apply` fail)."""
    write_tree(mini, {"app/start.sh": "#!/bin/sh\nexec uvicorn app.main:app\n"})
    (mini / "app/start.sh").chmod(0o755)
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(mini), str(copy)], check=True)
    assert main([str(mini), "--dry-run"]) == 1
    diff = capfdbinary.readouterr().out
    assert diff.count(b"rename from app/start.sh") == 1
    assert main([str(mini)]) == 0
    assert (mini / "src/start.sh").read_bytes() == b"#!/bin/sh\nexec uvicorn src.main:app\n"
    assert not (mini / "app/start.sh").exists()
    subprocess.run(["git", "apply", "-"], cwd=copy, input=diff, check=True)
    assert tree_files(copy) == tree_files(mini)


def test_a_name_other_modules_import_from_a_module_stays_bound_there(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """fief: `dependencies/users.py` imports get_model from another domain's module and the
    routers import it from `dependencies/users.py`; FM003 turned the first import into a
    module alias and the name was gone (AttributeError at import)."""
    write_tree(
        mini,
        {"app/dependencies/users.py": (
             "from app.crud.crud_item import get_model\n\n\ndef current():\n    return get_model()\n"
         ),
         "app/api/routes/items.py": (
             "from fastapi import APIRouter\n\nfrom app.dependencies.users import get_model\n\n"
             "router = APIRouter()\nX = get_model\n"
         )},
    )  # fmt: skip
    write_tree(mini, {"app/crud/crud_item.py": "def get_model():\n    return 1\n"})
    assert main([str(mini)]) in (0, 1)
    deps = (mini / "src/users/dependencies.py").read_text()
    assert "import get_model" in deps, deps
    assert "is imported from src.users.dependencies by other modules" in capsys.readouterr().err


@pytest.mark.parametrize("git_tree", [False, True], ids=["walk", "git"])
@pytest.mark.parametrize(
    ("link", "target"),
    [("app/core/linked.py", "security_impl.py"), ("app/templates", "../shared_templates"),
     ("app/core/dangling.py", "nowhere.py")],
    ids=["file", "folder", "dangling"],
)  # fmt: skip
def test_a_symlink_inside_the_package_is_refused_naming_it(
    mini: Path, capsys: pytest.CaptureFixture[str], link: str, target: str, git_tree: bool
) -> None:
    """Moved, a symlink became a copy, or dangled, or copied a file from outside the
    repository: refused instead (exit 2, the path named, nothing written)."""
    write_tree(mini, {"app/core/security_impl.py": "X = 1\n", "shared_templates/a.html": "<p/>\n"})
    (mini / link).symlink_to(target)
    if git_tree:
        git(mini, "init", "-q")
        git(mini, "add", "-A")
        git(mini, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    before = {p: p.is_symlink() for p in mini.rglob("*") if ".git" not in p.parts}
    assert main([str(mini)]) == 2
    err = capsys.readouterr().err
    assert f"error: {link}: a symbolic link inside the package" in err
    assert {p: p.is_symlink() for p in mini.rglob("*") if ".git" not in p.parts} == before
