"""The machine-readable outputs keep their word: every `--json` document and the batch report
validate against the JSON Schemas shipped in the package, and carry `schema_version`; `--sarif`
writes SARIF 2.1.0 with one result per unresolved reference."""

from __future__ import annotations

import json
from dataclasses import fields
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from forgeapi_migrate import report
from forgeapi_migrate.batch import STATUSES, BatchReport, RepoResult
from forgeapi_migrate.batch_report import read_report
from forgeapi_migrate.cli import main
from forgeapi_migrate.errors import Finding
from tests.conftest import write_tree

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SCHEMAS = ("report", "plan", "error", "batch")


def schema(name: str) -> dict[str, Any]:
    text = resources.files("forgeapi_migrate").joinpath(f"schemas/{name}.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(document: Any, name: str) -> None:
    jsonschema.Draft202012Validator(schema(name)).validate(document)


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_are_valid_and_name_the_current_version(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))
    assert schema(name)["properties"]["schema_version"] == {
        **schema(name)["properties"]["schema_version"],
        "const": report.SCHEMA_VERSION,
    }


def test_finding_is_described_once_and_field_by_field() -> None:
    finding = schema("report")["$defs"]["finding"]
    assert schema("plan")["$defs"]["finding"] == finding
    assert set(finding["required"]) == {f.name for f in fields(Finding)}


def test_report_of_each_mode(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(mini, {"tests/test_pkg.py": "import app.api.routes\n"})  # an unresolved one
    for argv, code in (([str(mini), "--check", "--json"], 1), ([str(mini), "--json"], 1)):
        assert main(argv) == code
        data = json.loads(capsys.readouterr().out)
        validate(data, "report")
        assert data["schema_version"] == report.SCHEMA_VERSION
    assert any(w["unresolved"] for w in data["warnings"])
    assert main([str(mini), "--json"]) == 0  # nothing left to do
    validate(json.loads(capsys.readouterr().out), "report")


def test_report_of_a_dry_run_with_new_and_removed_files(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import shutil

    project = shutil.copytree(CORPUS / "single_file_layers/before", tmp_path / "p")
    assert main([str(project), "--dry-run", "--json"]) == 1
    data = json.loads(capfd.readouterr().out)
    validate(data, "report")
    assert any(c["old"] is None for c in data["changes"])
    assert any(c["new"] is None for c in data["changes"])


@pytest.mark.parametrize("case", ["single_file_layers", "fullstack_routes"])
def test_plan(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(CORPUS / case / "before"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    validate(data, "plan")
    assert data["moves"] and data["notes"]


def test_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing"), "--json"]) == 2
    validate(json.loads(capsys.readouterr().out), "error")
    assert main(["plan", str(tmp_path / "missing"), "--json"]) == 2
    validate(json.loads(capsys.readouterr().out), "error")


def test_batch_report_round_trips(tmp_path: Path) -> None:
    results = (
        RepoResult("/fleet/a", "migrated", "forgeapi-migrate/domain-first", "0123abc", 8, ("w",)),
        RepoResult("/fleet/b", "up-to-date", duration_seconds=0.4),
        RepoResult("/fleet/c", "failed", error="app/x.py:3: cannot parse"),
    )
    text = report.batch_json(BatchReport(results))
    validate(json.loads(text), "batch")
    (tmp_path / "report.json").write_text(text)
    assert read_report(tmp_path / "report.json") == list(results)


def test_batch_schema_lists_every_status() -> None:
    status = schema("batch")["properties"]["results"]["items"]["properties"]["status"]
    assert sorted(status["enum"]) == sorted(STATUSES)


def test_schema_rejects_what_it_does_not_describe(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(mini), "--check", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    with pytest.raises(jsonschema.ValidationError):
        validate({**data, "schema_version": report.SCHEMA_VERSION + 1}, "report")
    with pytest.raises(jsonschema.ValidationError):
        validate({**data, "surprise": True}, "report")
    del data["schema_version"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data, "report")


# The parts of the SARIF 2.1.0 schema (https://json.schemastore.org/sarif-2.1.0.json) that
# code-scanning uploads rely on: its required properties and the shapes of the ones we use.
SARIF_SUBSET: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "informationUri": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "shortDescription"],
                                            "properties": {
                                                "shortDescription": {
                                                    "type": "object",
                                                    "required": ["text"],
                                                }
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                },
            },
        },
    },
    "$defs": {
        "result": {
            "type": "object",
            "required": ["ruleId", "level", "message", "locations"],
            "properties": {
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string", "minLength": 1}},
                },
                "locations": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["physicalLocation"],
                        "properties": {
                            "physicalLocation": {
                                "type": "object",
                                "required": ["artifactLocation"],
                                "properties": {
                                    "artifactLocation": {
                                        "type": "object",
                                        "required": ["uri"],
                                        "properties": {"uri": {"type": "string", "minLength": 1}},
                                    },
                                    "region": {
                                        "type": "object",
                                        "required": ["startLine"],
                                        "properties": {
                                            "startLine": {"type": "integer", "minimum": 1}
                                        },
                                    },
                                },
                            }
                        },
                    },
                },
            },
        }
    },
}


def test_sarif_lists_the_unresolved_references(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(mini, {"tests/test_pkg.py": "\nimport app.api.routes\n"})
    monkeypatch.chdir(tmp_path)  # a CI job's checkout, with the project inside it
    assert main(["mini", "--check", "--sarif", "out.sarif"]) == 1
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    jsonschema.Draft202012Validator(SARIF_SUBSET).validate(sarif)
    [run] = sarif["runs"]
    [result] = run["results"]  # the plan's notes (FMA01) are not unresolved: not listed
    assert result["ruleId"] == "FM001"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "mini/tests/test_pkg.py"},
        "region": {"startLine": 2},
    }
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["FM001"]
    assert "unresolved" in capsys.readouterr().err  # the human summary is still there


def test_sarif_of_a_clean_run_has_no_results(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "clean.sarif"
    assert main([str(mini), "--check", "--json", "--sarif", str(out)]) == 1
    validate(json.loads(capsys.readouterr().out), "report")  # --json is unchanged beside it
    sarif = json.loads(out.read_text())
    jsonschema.Draft202012Validator(SARIF_SUBSET).validate(sarif)
    assert sarif["runs"][0]["results"] == []
