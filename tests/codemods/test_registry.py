"""The registry names each codemod without importing it; what it says must match the codemod."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from forgeapi_migrate.codemods import CODEMODS, _prefilters
from tests.conftest import MINI_PROJECT, write_tree


def test_each_entry_loads_its_codemod_with_the_same_id_and_prefilter() -> None:
    assert len({c.ID for c in CODEMODS}) == len(CODEMODS)
    for entry in CODEMODS:
        codemod = entry.load()
        assert codemod.ID == entry.ID
        assert codemod.DESCRIPTION == entry.DESCRIPTION
        name = entry.applies_to.__name__
        assert getattr(_prefilters, name) is entry.applies_to
        assert entry.implementation.startswith(f"{name}:")  # module named after its prefilter
        source = Path(sys.modules[codemod.__module__].__file__ or "").read_text()
        assert f"return _prefilters.{name}(path, data, plan)" in source


def test_a_run_with_nothing_to_do_never_imports_libcst_or_pydantic(tmp_path: Path) -> None:
    """A CI check on a migrated tree costs start-up and a read of the files: not libcst, and
    not pydantic (which typer 0.29 imports to check every parameter; see pyproject.toml)."""
    project = write_tree(tmp_path / "p", dict(MINI_PROJECT))
    subprocess.run([sys.executable, "-m", "forgeapi_migrate", str(project)], check=True)
    code = (
        "import sys; from forgeapi_migrate.cli import main; "
        f"code = main([{str(project)!r}, '--check']); "
        "assert code == 0, code; assert 'libcst' not in sys.modules, 'libcst imported'; "
        "assert 'pydantic' not in sys.modules, 'pydantic imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
