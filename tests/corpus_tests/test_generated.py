"""The benchmark's synthetic project (benchmarks/generate.py) keeps passing its own tests
after migration: the thing the benchmark times is a working migration, not just a fast one."""

from __future__ import annotations

import shutil
from pathlib import Path

from forgeapi_migrate.cli import main
from tests.corpus_tests import support
from tests.helpers import benchmark_generator


def test_generated_project_tests_pass_after_migration(tmp_path: Path) -> None:
    python = support.corpus_python()
    before = tmp_path / "before"
    files = benchmark_generator().generate(before, 20)
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


LAYER_NAMED = ("route", "service", "model", "schema", "api", "util", "event", "endpoint")


def test_domains_named_like_layers_migrate_and_pass_their_own_check(tmp_path: Path) -> None:
    """Domains called routes, services, models, ...: the migrated tree reads as domain-first
    to the tool itself (a second `--check` exits 0), and the project's tests still pass."""
    python = support.corpus_python()
    before = tmp_path / "before"
    benchmark_generator().generate(before, len(LAYER_NAMED) + 1, names=LAYER_NAMED)
    after = tmp_path / "after"
    shutil.copytree(before, after)
    assert main([str(after)]) == 0
    assert (after / "src/routes/router.py").is_file()
    assert (after / "src/models/service.py").is_file()
    assert main([str(after), "--check"]) == 0
    code_before, outcomes_before, out = support.run_project_tests(python, before)
    assert code_before == 0 and len(outcomes_before) == len(LAYER_NAMED) + 1, out
    code_after, outcomes_after, out = support.run_project_tests(python, after)
    assert code_after == 0, out
    assert outcomes_after == outcomes_before
