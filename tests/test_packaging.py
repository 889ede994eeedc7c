"""What `pip install forgeapi-migrate` gets: a wheel with its licence, metadata, schemas and
codemods, that installs with pip, pipx and uv into an environment of its own and runs the
Quick start there. Building and installing reach the package index: `-m "not network"`
deselects those tests offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from forgeapi_migrate import __version__

ROOT = Path(__file__).resolve().parent.parent
# What a release is built from (pyproject's package-dir and package-data, and the hooks file).
RELEASED = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "src/", "codemods/")


def copy_source_tree(dest: Path) -> Path:
    """The files a release is built from, as the work tree has them (tracked or new, not
    ignored), into `dest`: a build never writes into the work tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for rel in sorted(set(filter(None, listed.split("\0")))):
        source, target = ROOT / rel, dest / rel
        if not rel.startswith(RELEASED) or not os.path.lexists(source):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():  # src/forgeapi_migrate/codemods -> ../../codemods
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)
    return dest


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=300, env=env
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = copy_source_tree(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    built = run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "-q", "-w", out)
    assert built.returncode == 0, built.stderr
    [path] = out.glob("forgeapi_migrate-*.whl")
    return path


def test_project_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert project["authors"]
    assert {"Homepage", "Source", "Issues"} <= set(project["urls"])
    assert "Programming Language :: Python :: 3.11" in project["classifiers"]
    assert "Programming Language :: Python :: 3.13" in project["classifiers"]
    # PEP 639: the licence is the SPDX expression, never a classifier beside it.
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License\n")
    assert "Copyright (c) 2026 the forgeapi-migrate authors" in licence


@pytest.mark.network
def test_wheel_holds_licence_metadata_schemas_and_codemods(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        dist_info = f"forgeapi_migrate-{__version__}.dist-info"
        metadata = archive.read(f"{dist_info}/METADATA").decode()
    assert f"{dist_info}/licenses/LICENSE" in names
    assert "forgeapi_migrate/py.typed" in names
    for name in ("report", "plan", "error", "batch"):
        assert f"forgeapi_migrate/schemas/{name}.schema.json" in names
    assert "forgeapi_migrate/codemods/rewrite_imports.py" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith("tests/")]
    for line in (
        "License-Expression: MIT",
        "License-File: LICENSE",
        "Author: the forgeapi-migrate authors",
        "Project-URL: Homepage, https://github.com/forgeapi/forgeapi-migrate",
        "Classifier: Typing :: Typed",
    ):
        assert line in metadata.splitlines()


@pytest.mark.network
def test_wheel_installs_with_pip_pipx_and_uv_and_runs_the_quick_start(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    installed = run(bin_dir / "python", "-m", "pip", "install", "-q", wheel, "pipx", "uv")
    assert installed.returncode == 0, installed.stderr

    expected = f"forgeapi-migrate {__version__}\n"
    assert run(bin_dir / "forgeapi-migrate", "-V").stdout == expected
    assert run(bin_dir / "python", "-m", "forgeapi_migrate", "--version").stdout == expected
    project = shutil.copytree(ROOT / "corpus/fullstack_routes/before", tmp_path / "project")
    quick_start = run(bin_dir / "forgeapi-migrate", project, "--dry-run")
    assert quick_start.returncode == 1, quick_start.stderr  # 1: changes pending
    assert "rename to src/users/router.py" in quick_start.stdout

    tools = {
        "PIPX_HOME": tmp_path / "pipx",
        "PIPX_BIN_DIR": tmp_path / "pipx-bin",
        "PIPX_MAN_DIR": tmp_path / "pipx-man",
        "UV_TOOL_DIR": tmp_path / "uv-tools",
        "UV_TOOL_BIN_DIR": tmp_path / "uv-bin",
        "UV_PYTHON_DOWNLOADS": "never",
    }
    env = {**os.environ, **{name: str(value) for name, value in tools.items()}}
    pipx = run(bin_dir / "pipx", "install", wheel, env=env)
    assert pipx.returncode == 0, pipx.stderr
    assert run(tmp_path / "pipx-bin/forgeapi-migrate", "--version").stdout == expected
    uv = run(bin_dir / "uv", "tool", "install", "--python", bin_dir / "python", wheel, env=env)
    assert uv.returncode == 0, uv.stderr
    assert run(tmp_path / "uv-bin/forgeapi-migrate", "--version").stdout == expected
