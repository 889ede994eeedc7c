"""The benchmark's synthetic project (benchmarks/generate.py) keeps passing its own tests
after migration: the thing the benchmark times is a working migration, not just a fast one."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

from forgeapi_migrate.cli import main
from tests.corpus_tests import support


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate", support.REPO / "benchmarks/generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_generated_project_tests_pass_after_migration(tmp_path: Path) -> None:
    python = support.corpus_python()
    before = tmp_path / "before"
    files = _generator().generate(before, 20)
    assert files > 100
    after = tmp_path / "after"
    shutil.copytree(before, after)
    assert main([str(after)]) == 0
    assert (after / "src/d0002s/service.py").is_file()
    code_before, outcomes_before, out = support.run_project_tests(python, before)
    assert code_before == 0 and len(outcomes_before) == 20, out
    code_after, outcomes_after, out = support.run_project_tests(python, after)
    assert code_after == 0, out
    assert outcomes_after == outcomes_before
    assert main([str(after), "--check"]) == 0
