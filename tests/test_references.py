"""references.rewrite_text_files (FM090): a bare mention of the package in a non-Python file is
decided by its context: rewritten where it is a path or package argument or value, left alone
where it is prose, a program or a distribution name, reported where nothing tells."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from forgeapi_migrate.discover import Discovery
from forgeapi_migrate.pipeline import make_plan
from forgeapi_migrate.plan import MigrationPlan
from forgeapi_migrate.references import rewrite_text_files
from tests.conftest import MINI_PROJECT, write_tree

UNSURE = "'app' may name the package folder, now src/; check it"


@dataclass(frozen=True)
class Project:
    root: Path
    discovery: Discovery
    plan: MigrationPlan


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = write_tree(tmp_path_factory.mktemp("refs") / "mini", dict(MINI_PROJECT))
    discovery, plan = make_plan(root)
    return Project(root, discovery, plan)


def rewrite(
    project: Project, name: str, text: str, plan: MigrationPlan | None = None
) -> tuple[str, list[str]]:
    """The file's new text and the findings, as `line: message`."""
    path = project.root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        discovery = replace(project.discovery, text_files=(name,))
        changes, findings = rewrite_text_files(discovery, plan or project.plan)
    finally:
        path.unlink()
    new = changes[0].new_bytes.decode() if changes else text
    return new, [f"{f.line}: {f.message}" for f in findings if f.unresolved]


COMMANDS = [
    pytest.param("scripts/lint.sh", "mypy app\n", "mypy src\n", id="sh-mypy"),
    pytest.param("scripts/lint.sh", "flake8 app tests\n", "flake8 src tests\n", id="sh-flake8"),
    pytest.param("scripts/lint.sh", "black app tests --check\n", "black src tests --check\n", id="sh-black"),
    pytest.param(
        "scripts/lint.sh",
        "isort app tests scripts --check-only\n",
        "isort src tests scripts --check-only\n",
        id="sh-isort",
    ),
    pytest.param(
        "scripts/format.sh",
        "autoflake --remove-all-unused-imports --recursive --in-place app tests --exclude=__init__.py\n",
        "autoflake --remove-all-unused-imports --recursive --in-place src tests --exclude=__init__.py\n",
        id="sh-autoflake",
    ),
    pytest.param("scripts/lint.sh", "set -e\nruff check app && ruff format --check app\n",
                 "set -e\nruff check src && ruff format --check src\n", id="sh-ruff-chain"),
    pytest.param("scripts/lint.sh", "cd backend; pylint app\n", "cd backend; pylint src\n", id="sh-semicolon"),
    pytest.param("scripts/test.sh", "exec pytest --cov app tests\n", "exec pytest --cov src tests\n", id="sh-exec-cov"),
    pytest.param("scripts/lint.sh", "mypy \\\n    app\n", "mypy \\\n    src\n", id="sh-continued"),
    pytest.param("scripts/lint.sh", 'bash -c "mypy app"\n', 'bash -c "mypy src"\n', id="sh-bash-c"),
    pytest.param(
        "Makefile",
        "fmt:\n\tpoetry run isort --force-single-line-imports app tests\n",
        "fmt:\n\tpoetry run isort --force-single-line-imports src tests\n",
        id="make-poetry-isort",
    ),
    pytest.param(
        "Makefile",
        "fmt:\n\tpoetry run autoflake --remove-all-unused-imports --recursive --in-place app --exclude=__init__.py\n",
        "fmt:\n\tpoetry run autoflake --remove-all-unused-imports --recursive --in-place src --exclude=__init__.py\n",
        id="make-autoflake",
    ),
    pytest.param(
        "Makefile",
        "lint:\n\tpoetry run mypy --show-error-codes --follow-imports silent app\n",
        "lint:\n\tpoetry run mypy --show-error-codes --follow-imports silent src\n",
        id="make-mypy-option-value",
    ),
    pytest.param("Makefile", "lint:\n\t-@$(POETRY) run ruff check app\n", "lint:\n\t-@$(POETRY) run ruff check src\n", id="make-variable"),
    pytest.param("Makefile", "lint:\n\tuv run --python 3.12 bandit -r app\n", "lint:\n\tuv run --python 3.12 bandit -r src\n", id="make-uv-run"),
    pytest.param("Makefile", "test:\n\tpython -m pytest --cov=app -p no:cacheprovider app\n",
                 "test:\n\tpython -m pytest --cov=src -p no:cacheprovider src\n", id="make-python-m"),
    pytest.param("Makefile", "cov:\n\tcoverage run --source app -m pytest\n", "cov:\n\tcoverage run --source src -m pytest\n", id="make-source"),
    pytest.param("Makefile", "types:\n\tmypy -p app\n", "types:\n\tmypy -p src\n", id="make-mypy-p"),
    pytest.param("Makefile", "lint:\n\tpdm run vulture app && hatch run pyright app\n",
                 "lint:\n\tpdm run vulture src && hatch run pyright src\n", id="make-pdm-hatch"),
    pytest.param("tox.ini", "[testenv]\ncommands =\n    flake8 app\n    pytest\n",
                 "[testenv]\ncommands =\n    flake8 src\n    pytest\n", id="tox-commands"),
    pytest.param("tox.ini", "[testenv:types]\ncommands = mypy app\n", "[testenv:types]\ncommands = mypy src\n", id="tox-one-line"),
    pytest.param(".github/workflows/ci.yml", "jobs:\n  lint:\n    steps:\n      - run: mypy app\n",
                 "jobs:\n  lint:\n    steps:\n      - run: mypy src\n", id="yaml-run"),
    pytest.param(
        ".github/workflows/ci.yml",
        "    steps:\n      - name: lint\n        run: |\n          ruff check app\n          black --check app\n      - uses: x\n",
        "    steps:\n      - name: lint\n        run: |\n          ruff check src\n          black --check src\n      - uses: x\n",
        id="yaml-run-block",
    ),
    pytest.param(".gitlab-ci.yml", "lint:\n  script:\n    - flake8 app\n    - pipenv run pydocstyle app\n",
                 "lint:\n  script:\n    - flake8 src\n    - pipenv run pydocstyle src\n", id="yaml-script-list"),
    pytest.param("docker-compose.yml", "services:\n  lint:\n    command: [\"ruff\", \"check\", \"app\"]\n",
                 "services:\n  lint:\n    command: [\"ruff\", \"check\", \"src\"]\n", id="yaml-command-exec-form"),
    pytest.param("Dockerfile", "RUN mypy app\n", "RUN mypy src\n", id="docker-run"),
    pytest.param("Dockerfile", "RUN pip install . \\\n    && pylint app\n", "RUN pip install . \\\n    && pylint src\n", id="docker-continued"),
    pytest.param("Dockerfile", 'CMD ["sh", "-c", "pytest app"]\n', 'CMD ["sh", "-c", "pytest src"]\n', id="docker-cmd-sh-c"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "before", "after"), COMMANDS)
def test_the_package_as_an_argument_of_a_source_tool_follows(
    project: Project, name: str, before: str, after: str
) -> None:
    assert rewrite(project, name, before) == (after, [])


VALUES = [
    pytest.param("pyproject.toml", '[tool.coverage.run]\nsource = ["app"]\n', '[tool.coverage.run]\nsource = ["src"]\n', id="coverage-source"),
    pytest.param("pyproject.toml", '[tool.isort]\nknown_first_party = ["app"]\n', '[tool.isort]\nknown_first_party = ["src"]\n', id="isort"),
    pytest.param(
        "pyproject.toml",
        '[tool.poetry]\nname = "app"\npackages = [{ include = "app" }]\n',
        '[tool.poetry]\nname = "app"\npackages = [{ include = "src" }]\n',
        id="poetry-packages-not-name",
    ),
    pytest.param("pyproject.toml", '[tool.setuptools]\npackages = ["app"]\n', '[tool.setuptools]\npackages = ["src"]\n', id="setuptools"),
    pytest.param("pyproject.toml", '[tool.mypy]\nfiles = [\n  "app",\n  "tests",\n]\n', '[tool.mypy]\nfiles = [\n  "src",\n  "tests",\n]\n', id="multi-line-array"),
    pytest.param("pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = ['app', 'tests']\n", "[tool.pytest.ini_options]\ntestpaths = ['src', 'tests']\n", id="single-quotes"),
    pytest.param("pyproject.toml", '[tool.pytest.ini_options]\naddopts = "--cov app -ra"\n', '[tool.pytest.ini_options]\naddopts = "--cov src -ra"\n', id="option-in-string"),
    pytest.param("pyproject.toml", '[tool.pytest.ini_options]\naddopts = ["--cov", "app"]\n', '[tool.pytest.ini_options]\naddopts = ["--cov", "src"]\n', id="option-in-array"),
    pytest.param("pyproject.toml", '[project.scripts]\napp = "app.main:run"\n', '[project.scripts]\napp = "src.main:run"\n', id="script-key"),
    pytest.param("pyproject.toml", '[tool.poetry.scripts]\napp = "app.main:run"\n', '[tool.poetry.scripts]\napp = "src.main:run"\n', id="poetry-script-key"),
    pytest.param("setup.cfg", "[options]\npackages = app\n", "[options]\npackages = src\n", id="cfg-packages"),
    pytest.param("setup.cfg", "[coverage:run]\nsource =\n    app\n    tests\n", "[coverage:run]\nsource =\n    src\n    tests\n", id="cfg-multi-line"),
    pytest.param("setup.cfg", "[isort]\nknown_first_party = app,tests\n", "[isort]\nknown_first_party = src,tests\n", id="cfg-comma-list"),
    pytest.param("setup.cfg", "[flake8]\napplication-import-names = app\n", "[flake8]\napplication-import-names = src\n", id="cfg-flake8"),
    pytest.param("setup.cfg", "[tool:pytest]\naddopts = --cov app\n", "[tool:pytest]\naddopts = --cov src\n", id="cfg-addopts"),
    pytest.param(
        "setup.cfg",
        "[options.entry_points]\nconsole_scripts =\n    app = app.main:run\n",
        "[options.entry_points]\nconsole_scripts =\n    app = src.main:run\n",
        id="cfg-entry-point-name",
    ),
    pytest.param(".coveragerc", "[run]\nsource =\n    app\n", "[run]\nsource =\n    src\n", id="coveragerc"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "before", "after"), VALUES)
def test_a_value_that_is_exactly_the_package_follows(
    project: Project, name: str, before: str, after: str
) -> None:
    assert rewrite(project, name, before) == (after, [])


LEFT_ALONE = [
    pytest.param("scripts/lint.sh", "# lint app\n", id="sh-comment"),
    pytest.param("scripts/lint.sh", "mypy src  # was: mypy app\n", id="sh-trailing-comment"),
    pytest.param("Makefile", "# add app\nlint: # check app\n\tmypy src\n", id="make-comments"),
    pytest.param("Makefile", "# the routes live in app/api/routes\n", id="dissolved-folder-in-comment"),
    pytest.param("Dockerfile", "# add app\nCOPY . .\n", id="docker-comment"),
    pytest.param("pyproject.toml", '# app settings\n[tool.x]\nkey = "v"  # the app\n', id="toml-comments"),
    pytest.param("tox.ini", "# tests for app\n[tox]\n", id="ini-comment"),
    pytest.param(".github/workflows/ci.yml", "# deploys app\non: push\n", id="yaml-comment"),
    pytest.param(
        "pyproject.toml",
        '[tool.poetry]\ndescription = "Realworld app API implementation using FastAPI, async SQL database"\n',
        id="toml-prose",
    ),
    pytest.param("pyproject.toml", '[project]\nname = "app"\n', id="project-name"),
    pytest.param("pyproject.toml", '[tool.poetry]\nname = "app"\n', id="poetry-name"),
    pytest.param("setup.cfg", "[metadata]\nname = app\ndescription = The app API\n", id="cfg-metadata"),
    pytest.param("Makefile", "run:\n\tuv run app --reload\n", id="program-uv-run"),
    pytest.param("scripts/start.sh", "exec uv run --python 3.12 app\n", id="program-exec"),
    pytest.param("Dockerfile", 'CMD ["sh", "-c", "poetry run app --port 80"]\n', id="program-in-cmd"),
    pytest.param("Makefile", "run:\n\ttimeout 5s uv run app --port 5002 || true\n", id="program-timeout"),
    pytest.param("scripts/build.sh", 'echo "building app"\n', id="echo"),
    pytest.param("Dockerfile", "USER app\n", id="docker-user"),
    pytest.param(".github/workflows/ci.yml", "    steps:\n      - name: print app log\n", id="yaml-step-name"),
    # environment values that are names, passwords or URLs (real: cloudrun-fastapi, lnbits)
    pytest.param(".github/workflows/ci.yml", "env:\n  POSTGRES_USER: app\n", id="yaml-env-name"),
    pytest.param("scripts/docker-run.sh", 'docker run -e API_SECRET_KEY="app" img\n', id="docker-run-env"),
    pytest.param("scripts/env.sh", "export POSTGRES_DB=app\n", id="export-name"),
    pytest.param("Makefile", 'test:\n\tDATABASE_URL="postgres://app:app@db/app" pytest\n', id="url-value"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text"), LEFT_ALONE)
def test_prose_programs_and_names_are_left_alone_silently(
    project: Project, name: str, text: str
) -> None:
    assert rewrite(project, name, text) == (text, [])


REPORTED = [
    pytest.param("scripts/dev.sh", "cd app\n", 1, id="unknown-command"),
    pytest.param("scripts/dev.sh", "export PYTHONPATH=app\n", 1, id="assignment"),
    pytest.param("scripts/dev.sh", "python -m app\n", 1, id="python-m-package"),
    pytest.param("Makefile", "test:\n\tpytest -k app\n", 2, id="value-of-an-unknown-option"),
    pytest.param("Makefile", "SOURCES = app tests\n", 1, id="make-variable"),
    pytest.param("Dockerfile", "COPY ./app /code/\n", 1, id="copy-not-mirrored"),
    pytest.param("Dockerfile", "COPY ./app /app\n", 1, id="copy-into-a-top-level-folder"),
    pytest.param("Dockerfile", "ENV MODULE=app\n", 1, id="docker-env"),
    pytest.param(".github/workflows/ci.yml", "env:\n  PYTHONPATH: app\n", 2, id="yaml-path-value"),
    pytest.param(".pre-commit-config.yaml", "      - id: prettier\n        args: ['app']\n", 2, id="yaml-args"),
    pytest.param("pyproject.toml", '[tool.setuptools.packages.find]\ninclude = ["app*"]\n', 2, id="glob"),
    pytest.param("pyproject.toml", '[tool.setuptools.package-data]\napp = ["db/*.sql"]\n', 2, id="package-data-key"),
    pytest.param("logging.ini", "[loggers]\nkeys = root,app\n", 2, id="ini-unknown-key"),
    pytest.param(".env", "PACKAGE=app\n", 1, id="env-file"),
    pytest.param("scripts/release.sh", 'upload "zsync|app|latest"\n', 1, id="part-of-a-word"),
    pytest.param(".github/workflows/ci.yml", "    steps:\n      - run: pyinstaller --name app main.py\n", 2, id="unknown-tool"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "line"), REPORTED)
def test_a_mention_in_an_unknown_context_is_reported(
    project: Project, name: str, text: str, line: int
) -> None:
    assert rewrite(project, name, text) == (text, [f"{line}: {UNSURE}"])


COPIES = [
    pytest.param("COPY ./app /code/app\n", "COPY ./src /code/src\n", id="mirrored"),
    pytest.param("COPY ./app /app/app\n", "COPY ./src /app/src\n", id="workdir-app"),
    pytest.param("COPY app/ /srv/app/\n", "COPY src/ /srv/src/\n", id="slashes"),
    pytest.param("COPY --chown=web:web ./app ./app\n", "COPY --chown=web:web ./src ./src\n", id="relative"),
]  # fmt: skip


@pytest.mark.parametrize(("before", "after"), COPIES)
def test_a_docker_copy_whose_destination_mirrors_the_package_follows_on_both_sides(
    project: Project, before: str, after: str
) -> None:
    assert rewrite(project, "Dockerfile", before) == (after, [])


def test_with_sibling_layer_packages_the_package_word_is_reported_not_rewritten(
    project: Project,
) -> None:
    plan = replace(project.plan, siblings=("models",))
    text = "mypy app\n"
    assert rewrite(project, "scripts/lint.sh", text, plan) == (text, [f"1: {UNSURE}"])


KEPT = [
    pytest.param("Makefile", "run:\n\tuvicorn app.main:app\n", "run:\n\tuvicorn src.main:app\n", [], id="dotted"),
    pytest.param("Makefile", "# uvicorn app.main:app\n", "# uvicorn src.main:app\n", [], id="dotted-in-comment"),
    pytest.param("Makefile", "lint:\n\truff check app/ tests/\n", "lint:\n\truff check src/ tests/\n", [], id="folder"),
    pytest.param("Makefile", "run:\n\tpython ./app/main.py\n", "run:\n\tpython ./src/main.py\n", [], id="file"),
    pytest.param("Dockerfile", "WORKDIR /app/backend\nRUN tail app.log\n", "WORKDIR /app/backend\nRUN tail app.log\n", [], id="look-alikes"),
    pytest.param(
        "setup.cfg",
        "[coverage:run]\nsource = app/api/routes\n",
        "[coverage:run]\nsource = app/api/routes\n",
        ["2: 'app/api/routes' names a folder the move dissolves; not rewritten"],
        id="dissolved",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "before", "after", "findings"), KEPT)
def test_paths_and_dotted_paths_follow_as_before(
    project: Project, name: str, before: str, after: str, findings: list[str]
) -> None:
    assert rewrite(project, name, before) == (after, findings)


@pytest.mark.parametrize(
    "name",
    [".coveragerc", ".flake8", "Dockerfile.prod", "backend.dockerfile", "api.Dockerfile",
     "docker-compose.prod.yml", "compose.override.yaml", "docs/index.md"],
)  # fmt: skip
def test_tool_configs_and_dockerfile_variants_are_read(tmp_path: Path, name: str) -> None:
    root = write_tree(tmp_path / "mini", {**MINI_PROJECT, name: "[run]\nsource = app\n"})
    discovery, _ = make_plan(root)
    assert name in discovery.text_files


def test_a_dockerfile_named_by_its_suffix_is_read_as_one(project: Project) -> None:
    text = "FROM python:3.12\nRUN mypy app\nCMD uvicorn app.main:app\n"
    assert rewrite(project, "api.Dockerfile", text) == (
        "FROM python:3.12\nRUN mypy src\nCMD uvicorn src.main:app\n",
        [],
    )


def test_a_rewritten_file_is_left_as_it_is_by_a_second_run(project: Project) -> None:
    text = "lint:\n\tpoetry run mypy app\n\tblack app tests  # app\n"
    once, _ = rewrite(project, "Makefile", text)
    assert once == "lint:\n\tpoetry run mypy src\n\tblack src tests  # app\n"
    assert rewrite(project, "Makefile", once) == (once, [])


def test_documentation_code_follows_and_prose_is_left_alone(project: Project) -> None:
    """README.md: the command in a shell block and a module path anywhere follow the move; a
    bare word in prose or in a Python block is neither rewritten nor reported."""
    readme = (
        "# The app\n\nRun it with `uvicorn app.main:app --reload`.\n\n"
        "```bash\n$ mypy app\n$ pytest --cov=app\n```\n\n"
        "```python\nimport app\nfrom app.main import app as application\n```\n\n"
        "The app folder holds the code.\n"
    )
    assert rewrite(project, "README.md", readme) == (
        "# The app\n\nRun it with `uvicorn src.main:app --reload`.\n\n"
        "```bash\n$ mypy src\n$ pytest --cov=src\n```\n\n"
        "```python\nimport app\nfrom src.main import app as application\n```\n\n"
        "The app folder holds the code.\n",
        [],
    )
    rst = "Run ``uvicorn app.main:app``.\n"
    assert rewrite(project, "docs/run.rst", rst) == ("Run ``uvicorn src.main:app``.\n", [])


def test_package_resource_specs_follow_the_package(project: Project) -> None:
    """Alembic's `script_location = app:alembic` and `version_locations = app:x/versions`
    name a folder inside the package by `package:path`: it follows the package."""
    text = (
        "[alembic]\nscript_location = app:alembic\n"
        "version_locations = app:alembic/versions\nsqlalchemy.url = sqlite://\n"
    )
    new, unresolved = rewrite(project, "app/alembic.ini", text)
    assert new == text.replace("app:", "src:")
    assert unresolved == []
