"""FM004 without scope analysis: where a package object's uses are plain (`_plain`), they
come from one read-only walk; everywhere, that must give what libcst's ScopeProvider gives.
Each check runs the same input both ways (the scope analysis forced) and compares bytes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forgeapi_migrate.codemods._helpers import SourceFile
from forgeapi_migrate.codemods.resolve_reexports import ResolveReexports
from forgeapi_migrate.pipeline import RunOptions, run
from tests.codemods.test_resolve_reexports import PLAN
from tests.corpus_tests import support
from tests.helpers import benchmark_generator

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@contextmanager
def spied(monkeypatch: pytest.MonkeyPatch, plain: list[bool]) -> Iterator[None]:
    """Record, for each file FM004 looks at, whether it went without scope analysis."""
    needs = ResolveReexports.needs_metadata

    def spying(self: ResolveReexports) -> bool:
        result = needs(self)
        plain.append(not result and bool(self.plain_uses))
        return result

    with monkeypatch.context() as patched:
        patched.setattr(ResolveReexports, "needs_metadata", spying)
        yield


def both_ways(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    plain = run(RunOptions(project, "dry-run")).diff
    with monkeypatch.context() as forced:
        forced.setattr(ResolveReexports, "needs_metadata", lambda self: True)
        scoped = run(RunOptions(project, "dry-run")).diff
    return plain, scoped


def test_every_corpus_case_migrates_the_same_without_scope_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_files: list[bool] = []
    for before in (CORPUS / case / "before" for case in support.cases()):
        project = tmp_path / before.parent.name
        shutil.copytree(before, project)
        with spied(monkeypatch, plain_files):
            plain, scoped = both_ways(project, monkeypatch)
        assert plain == scoped, before.parent.name
    assert True in plain_files, "the corpus must exercise the plain path"


@pytest.mark.parametrize("shape", ["reexport", "long"])
def test_generated_shapes_migrate_the_same_without_scope_analysis(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    benchmark_generator().generate(tmp_path, 4, shape=shape)
    plain_files: list[bool] = []
    with spied(monkeypatch, plain_files):
        plain, scoped = both_ways(tmp_path, monkeypatch)
    assert plain == scoped
    assert plain_files.count(True) >= 12  # every route, crud and service module


def rewrite(code: str, scoped: bool) -> tuple[str, list[tuple[int, str]], bool]:
    """FM004 on one routes module: the code, the findings, whether it went the plain way."""
    context = SourceFile("app/api/routes/users.py", "app.api.routes.users", "app.api.routes")
    codemod = ResolveReexports(context, PLAN)
    if scoped:
        codemod.needs_metadata = lambda: True  # type: ignore[method-assign]
    new = codemod.transform_module(cst.parse_module(code))
    findings = [(f.line, f.message) for f in codemod.findings]
    return new.code, findings, not scoped and not codemod.scoped


HEADER = "from app import models\nfrom app.models import User\n"
PLAIN = "a = models.User\n\n\ndef f():\n    return models.Item, [models.User for _ in ()]\n"


@pytest.mark.parametrize("more", ["", "from .models import thing\n", "import app.models.user\n"])
def test_plain_uses_skip_the_scope_analysis(more: str) -> None:
    """The first name of an imported module (`from .models import`) is no use of `models`."""
    code, findings, plain = rewrite(HEADER + more + PLAIN, scoped=False)
    assert plain and not findings
    assert code == rewrite(HEADER + more + PLAIN, scoped=True)[0]
    assert "user_models.User" in code and "item_models.Item" in code


@pytest.mark.parametrize(
    "shadowing",
    [
        "def g(models):\n    return models\n",
        "x = [models for models in ()]\n",
        "class C:\n    models = 1\n",
        "def g():\n    global models\n",
        "del models\n",
        "match 1:\n    case models:\n        pass\n",
        "if (models := 1):\n    pass\n",
        "type models = int\n",
        'b: "models.User"\n',
        "print(models)\n",
        "c = models.Missing\n",
    ],
)
def test_anything_but_plain_takes_the_scope_analysis(shadowing: str) -> None:
    code = HEADER + PLAIN + shadowing
    assert rewrite(code, scoped=False)[2] is False
    assert rewrite(code, scoped=False)[:2] == rewrite(code, scoped=True)[:2]


# Statements that read, shadow or rebind `models` in every way a scope can.
FRAGMENTS = (
    "a{i} = models.User\n",
    "b{i} = models.Item.id\n",
    "def f{i}():\n    return models.User\n",
    "def f{i}(models):\n    return models.User\n",
    "def f{i}():\n    models = 1\n    return models\n",
    "def f{i}():\n    global models\n    models = None\n",
    "def f{i}():\n    models = 1\n\n    def g():\n        nonlocal models\n        models = 2\n",
    "c{i} = [models.User for models in ()]\n",
    "c{i} = [models.User for _ in ()]\n",
    "class C{i}:\n    models = models.User\n",
    "class C{i}:\n    x = models.Item\n\n    def m(self):\n        return models.User\n",
    "c{i} = lambda models: models.User\n",
    "c{i} = lambda: models.User\n",
    "del models\n",
    "match a:\n    case models:\n        pass\n",
    "match a:\n    case {{**models}}:\n        pass\n",
    "if (models := 0):\n    pass\n",
    "for models in ():\n    pass\n",
    "with open('x') as models:\n    pass\n",
    "try:\n    pass\nexcept Exception as models:\n    pass\n",
    'd{i}: "models.User" = None\n',
    'e{i} = f"{{models.User}}"\n',
    "print(models)\n",
    "setattr(models, 'User', None)\n",
    "g{i} = models.Missing\n",
    "from .models import thing{i}\n",
    "import models\n",
    "def h{i}():\n    from app import models\n\n    return models.User\n",
    "@models.User\ndef k{i}(x: models.Item = models.User) -> models.User:\n    pass\n",
    "type T{i} = models.User\n",
    "def p{i}[models]():\n    return models\n",
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=6),
    st.sampled_from(["from app import models\n", "from app import models as models\n", ""]),
)
def test_plain_and_scoped_uses_agree(fragments: list[str], extra_import: str) -> None:
    body = "".join(f"{text.format(i=i)}\n\n" for i, text in enumerate(fragments))
    code = HEADER + extra_import + "\n\n" + body
    plain = rewrite(code, scoped=False)
    assert plain[:2] == rewrite(code, scoped=True)[:2]
