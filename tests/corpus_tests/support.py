"""What the corpus tests need besides the tool: the shared project environment,
running a project's own tests and OpenAPI export in a subprocess, and scanning a tree.

The tool itself never imports or runs a target's code; these helpers do, on purpose,
as verification, in a separate interpreter.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
REQUIREMENTS = CORPUS / "requirements.txt"
ENV_ROOT = REPO / ".corpus-env"
_RESULT_LINE = re.compile(r"^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) (\S+)", re.MULTILINE)


def cases() -> list[str]:
    """Every corpus case, except those marked `.pending` (written ahead of the feature)."""
    return sorted(
        p.name
        for p in CORPUS.iterdir()
        if (p / "before").is_dir() and not (p / ".pending").exists()
    )


def corpus_python() -> Path:
    """One environment for every corpus project, built on first use, keyed by the pins."""
    key = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:12]
    tag = f"py{sys.version_info.major}{sys.version_info.minor}-{key}"
    env_dir = ENV_ROOT / tag
    python = env_dir / "bin" / "python"
    marker = env_dir / ".complete"
    if marker.is_file():
        return python
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-r", str(REQUIREMENTS)],
        check=True,
    )  # fmt: skip
    marker.write_text("ok\n")
    return python


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "PYTHON"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_project_tests(python: Path, project: Path) -> tuple[int, dict[str, str], str]:
    """Run the project's own suite; return (exit code, {test id: outcome}, output)."""
    proc = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", "--color=no"],
        cwd=project,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = proc.stdout + proc.stderr
    outcomes = {test_id: outcome for outcome, test_id in _RESULT_LINE.findall(proc.stdout)}
    return proc.returncode, outcomes, output


def openapi_document(python: Path, project: Path, entry: str) -> str:
    """The app's OpenAPI document as key-sorted JSON, produced in a subprocess."""
    module, _, attribute = entry.partition(":")
    code = (
        "import importlib, json, sys\n"
        "sys.path.insert(0, '.')\n"
        f"app = getattr(importlib.import_module({module!r}), {attribute!r})\n"
        "print(json.dumps(app.openapi(), sort_keys=True, indent=1))\n"
    )
    proc = subprocess.run(
        [str(python), "-c", code], cwd=project, env=clean_env(), capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    json.loads(proc.stdout)
    return proc.stdout


def imports_of(root: Path, package: str) -> list[str]:
    """`file:line` of every import that names `package` (absolute, or relative into it)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_bytes())
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                inside = rel.startswith(package + "/")
                names = [node.module or ""] if node.level == 0 else ([package] if inside else [])
            if any(n == package or n.startswith(package + ".") for n in names):
                found.append(f"{rel}:{node.lineno}")
    return found
