"""The conventions a Python developer expects of a command line: -h/-V, one usage line,
repeated or comma-separated --only, codemod names, exit codes in the help, NO_COLOR, and
whole lines when the output is piped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forgeapi_migrate import __version__, report
from forgeapi_migrate.batch import RepoResult
from forgeapi_migrate.cli import main
from forgeapi_migrate.codemods import CODEMODS
from forgeapi_migrate.pipeline import select_codemods
from tests.conftest import write_tree

ANSI = re.compile(r"\x1b\[")
STYLE = re.compile(r"\x1b\[[0-9;]*m")  # colour, bold, italic (a progress bar's cursor codes aside)


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["-h"], "Usage: forgeapi-migrate [OPTIONS] PATH | COMMAND [ARGS]..."),
        (["--help"], "Usage: forgeapi-migrate [OPTIONS] PATH | COMMAND [ARGS]..."),
        (["migrate", "-h"], "Usage: forgeapi-migrate migrate [OPTIONS] PATH"),
        (["some/project", "-h"], "Usage: forgeapi-migrate migrate [OPTIONS] PATH"),
        (["plan", "-h"], "Usage: forgeapi-migrate plan [OPTIONS] PATH"),
        (["batch", "-h"], "Usage: forgeapi-migrate batch [OPTIONS] SOURCE"),
        (["list-codemods", "-h"], "Usage: forgeapi-migrate list-codemods [OPTIONS]"),
    ],
)
def test_help_has_one_usage_line_in_the_words_users_type(
    argv: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.count("Usage:") == 1
    assert out.splitlines()[0] == usage
    assert "{" not in out.split("Options:")[0]  # typer's `{path}`


@pytest.mark.parametrize("argv", [["-h"], ["migrate", "--help"]])
def test_help_lists_the_exit_codes(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    exit_codes = out[out.index("Exit codes:") :].splitlines()
    assert [line.split()[0] for line in exit_codes[1:]] == ["0", "1", "2", "3", "130/143"]


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_short_version_flag(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([flag]) == 0
    assert capsys.readouterr().out.strip() == f"forgeapi-migrate {__version__}"


def test_codemods_have_distinct_dashed_names(capsys: pytest.CaptureFixture[str]) -> None:
    names = [codemod.name for codemod in CODEMODS]
    assert len(set(names)) == len(names)
    assert "rewrite-imports" in names
    assert main(["list-codemods"]) == 0
    listed = [line.split()[:2] for line in capsys.readouterr().out.splitlines()]
    assert listed == [[codemod.ID, codemod.name] for codemod in CODEMODS]


@pytest.mark.parametrize(
    "only",
    [
        ["FM002,FM001"],
        ["FM001", "FM002"],
        ["rewrite-imports", "rewrite-dotted-paths"],
        ["rewrite-dotted-paths, FM001"],
    ],
)
def test_only_takes_ids_or_names_repeated_or_comma_separated(only: list[str]) -> None:
    # In pipeline order, whatever the order given.
    assert [c.ID for c in select_codemods(only, [])] == ["FM001", "FM002"]


def test_skip_takes_names_too() -> None:
    ids = [c.ID for c in select_codemods([], ["use-module-aliases,FM005"])]
    assert ids == ["FM004", "FM001", "FM002", "FM006"]


def _dotted_path_project(root: Path) -> Path:
    from tests.conftest import MINI_PROJECT

    files: dict[str, str | bytes] = dict(MINI_PROJECT)
    files["tests/test_patch.py"] = 'TARGET = "app.crud.crud_user.get"\n'
    return write_tree(root, files)


@pytest.mark.parametrize(
    "options",
    [
        ["--only", "FM001,FM002"],
        ["--only", "FM001", "--only", "FM002"],
        ["--only", "rewrite-imports,rewrite-dotted-paths"],
        ["--only", "rewrite-imports", "--only", "FM002"],
    ],
)
def test_only_on_the_command_line(
    options: list[str], tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    root = _dotted_path_project(tmp_path / "p")
    assert main([str(root), "--dry-run", "--only", "FM001"]) == 1
    assert b'+TARGET = "src.users.service.get"' not in capfdbinary.readouterr().out
    assert main([str(root), "--dry-run", *options]) == 1
    out = capfdbinary.readouterr().out
    assert b'+TARGET = "src.users.service.get"' in out
    assert b"+from src.users import service as crud_user\n" in out


def test_space_separated_only_is_an_error_not_a_path(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--only FM001 FM003` would read FM003 as a second PATH: refused, nothing run.
    assert main([str(mini), "--only", "FM001", "FM003"]) == 2
    assert "FM003" in capsys.readouterr().err


def test_unknown_codemod_name(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(mini), "--only", "FM001,rewrite-everything"]) == 2
    assert "unknown codemod id 'rewrite-everything'" in capsys.readouterr().err


def _plan_output(
    mini: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, **env: str
) -> str:
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich: a terminal, styles on
    for name in ("NO_COLOR", "TERM", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["plan", str(mini)]) == 0
    return capsys.readouterr().out


def test_no_color_leaves_no_escape_codes_in_the_plan(
    mini: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ANSI.search(_plan_output(mini, capsys, monkeypatch))  # bold header, italic title
    plain = _plan_output(mini, capsys, monkeypatch, NO_COLOR="1")
    assert "app/api/routes/users.py" in plain
    assert not ANSI.search(plain)


def test_no_color_on_stderr_too(
    mini: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert main([str(mini / "missing")]) == 2
    err = capsys.readouterr().err
    assert "error:" in err
    assert not STYLE.search(err)


def test_piped_batch_table_keeps_whole_paths(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FORCE_COLOR", "COLUMNS", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    long_path = "/srv/checkouts/platform-team/" + "/".join(["deeply-nested-folder"] * 4) + "/svc"
    result = RepoResult(long_path, "migrated", "forgeapi-migrate/domain-first", "0123456789ab", 8)
    with report.live_batch_table(report.stderr_console()) as on_result:
        on_result(result)
    err = capsys.readouterr().err
    assert long_path in err
    assert "forgeapi-migrate/domain-first" in err
    assert "…" not in err
    assert err.count(long_path) == 1  # printed once, not redrawn


def test_readme_codemod_table_names_each_codemod_in_order() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme[readme.index("## Codemods") :]
    rows = re.findall(r"^\| (FM\d+) \| `([a-z-]+)` \|", section, re.M)
    assert rows == [(codemod.ID, codemod.name) for codemod in CODEMODS]
