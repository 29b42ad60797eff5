"""Settings: the shipped examples load; every bad case gives its message, exit code 2 and no traceback."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from replicate.cli import main
from replicate.errors import RenderError, SettingsError
from replicate.render import DocMeta, render_markdown
from replicate.settings import Settings, load_settings, starter_toml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.*"))
BAD_CASES = yaml.safe_load((Path(__file__).parent / "bad_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid(path: Path) -> None:
    settings = load_settings(path)
    assert settings.advice_service.project_name.startswith("Perspektive Bleiberecht")
    assert settings.kit.client_languages[0] == "de"


def test_examples_differ_where_it_matters() -> None:
    loaded = {p.stem: load_settings(p) for p in EXAMPLES}
    dresden, landkreis, leipzig = loaded["dresden"], loaded["landkreis-mittelsachsen"], loaded["leipzig"]
    assert dresden.advice_service.organisation == "Sächsischer Flüchtlingsrat e.V."
    assert dresden.funder.period.end == dt.date(2026, 12, 31)
    assert "Aktionsplan Integration 2022–2026" in (dresden.cooperation.policy_anchor or "")
    assert landkreis.municipality.kind == "Landkreis"
    assert landkreis.funder.name != dresden.funder.name
    assert landkreis.funder.reporting_cadence != dresden.funder.reporting_cadence
    assert set(leipzig.kit.client_languages) != set(dresden.kit.client_languages)


@pytest.mark.parametrize("case", BAD_CASES, ids=[c["name"] for c in BAD_CASES])
def test_bad_settings(
    case: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in case.get("env", {}).items():
        monkeypatch.setenv(name, value)
    base = ROOT / case["base"]
    text = base.read_text(encoding="utf-8")
    for old, new in case["replace"]:
        assert old in text, f"fixture out of date: {old!r} not in {base.name}"
        text = text.replace(old, new)
    bad = tmp_path / base.name
    bad.write_text(text, encoding="utf-8")
    for name, content in case.get("files", {}).items():  # files the settings point to (logo, …)
        target = tmp_path / name
        target.write_bytes(content) if isinstance(content, bytes) else target.write_text(
            content, encoding="utf-8"
        )
    with pytest.raises(SettingsError):
        load_settings(bad)
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(bad) in err
    for expected in case["expect"]:
        assert expected in err, f"{expected!r} missing in:\n{err}"
    for unwanted in case.get("absent", []):
        assert unwanted not in err, f"{unwanted!r} should not be in:\n{err}"


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "gibtsnicht.toml")]) == 2
    err = capsys.readouterr().err
    assert "Datei nicht gefunden" in err and "replicate init" in err


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLICATE_KIT__REFERENCE_DATE", "2027-02-01")
    monkeypatch.setenv("REPLICATE_FUNDER__REPORTING_CADENCE", "jährlich")
    settings = load_settings(ROOT / "examples" / "dresden.toml")
    assert settings.kit.reference_date == dt.date(2027, 2, 1)
    assert settings.funder.reporting_cadence == "jährlich"
    assert any("außerhalb des Förderzeitraums" in note for note in settings.notes())


def test_bad_environment_value_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPLICATE_KIT__REFERENCE_DATE", "morgen")
    assert main(["check", str(ROOT / "examples" / "dresden.toml")]) == 2
    assert "kit.reference_date" in capsys.readouterr().err


def test_reference_date_defaults_to_today() -> None:
    assert load_settings(ROOT / "examples" / "dresden.toml").kit.reference_date == dt.date.today()


def test_init_writes_a_commented_file_that_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stadt.toml"
    assert main(["init", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    for section in Settings.model_fields:
        assert f"[{section}]" in text
    assert text.count("\n# ") > 60  # every key is explained
    assert main(["check", str(target)]) == 0
    # never overwrites without --force
    assert main(["init", str(target)]) == 2
    assert "gibt es schon" in capsys.readouterr().err


def test_starter_explains_every_field() -> None:
    text = starter_toml()
    for model in (Settings, *[f.annotation for f in Settings.model_fields.values()]):
        for name, info in model.model_fields.items():  # type: ignore[union-attr]
            assert info.description, f"{model.__name__}.{name} has no docstring"
            assert info.description.split("\n")[0][:40] in text.replace("\n# ", " ")


def test_schema_is_json_with_descriptions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]) == set(Settings.model_fields)
    assert schema["$defs"]["Funder"]["properties"]["reporting_cadence"]["description"]
    assert schema["$defs"]["Funder"]["additionalProperties"] is False


@pytest.mark.parametrize(
    "case",
    [c for c in BAD_CASES if c.get("new_fails")],
    ids=[c["name"] for c in BAD_CASES if c.get("new_fails")],
)
def test_refused_logos_really_break_the_pdf(case: dict, tmp_path: Path) -> None:
    """What `check` refuses as a damaged logo is what the PDF renderer of `new` fails on."""
    ((name, content),) = case["files"].items()
    logo = tmp_path / name
    logo.write_bytes(content)
    meta = DocMeta("Vereinbarung", date=dt.date(2026, 11, 25), logo=logo)
    with pytest.raises(RenderError, match="konnte nicht erzeugt werden"):
        render_markdown("# Vereinbarung\n", tmp_path / "vereinbarung", ["pdf"], meta)
