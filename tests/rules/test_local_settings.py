"""Local adjustments from a settings file reach the screener (`--settings`) and the kit's Prüfschema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from replicate.cli import main
from replicate.kit.generated import write_rules
from replicate.settings import load_settings

from .base_case import base_case

ROOT = Path(__file__).resolve().parents[2]
LANDKREIS = ROOT / "examples" / "landkreis-mittelsachsen.yaml"


def _screen(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    case = base_case(livelihood={"share_covered_by_work": 50, "secured_now": True})
    path = tmp_path / "fall.json"
    path.write_text(json.dumps(case, default=str), encoding="utf-8")
    assert main(["screen", str(path), "--as-of", "2026-11-25", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_half_is_not_ueberwiegend_even_with_the_landkreis_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = _screen(tmp_path, capsys)
    local = _screen(tmp_path, capsys, "--settings", str(LANDKREIS))
    assert base["pathways"]["p25b"]["verdict"] == "nicht möglich"  # 50 % is not more than half
    assert local["pathways"]["p25b"]["verdict"] == "nicht möglich"


def test_settings_reading_half_as_ueberwiegend_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = LANDKREIS.read_text(encoding="utf-8").replace(
        "      local_practice: Im Kooperationstreffen",
        "      parameters:\n        min_share_percent:\n          value: 50\n"
        "          justification: Die Ausländerbehörde wertet 50 Prozent als überwiegend.\n"
        "      local_practice: Im Kooperationstreffen",
    )
    settings = tmp_path / "landkreis.yaml"
    settings.write_text(text, encoding="utf-8")
    case = tmp_path / "fall.json"
    case.write_text(json.dumps(base_case(), default=str), encoding="utf-8")
    assert main(["screen", str(case), "--as-of", "2026-11-25", "--settings", str(settings)]) == 2
    err = capsys.readouterr().err
    assert "min_share_percent" in err and "mehr als 50" in err and "Traceback" not in err


def test_kit_rules_carry_local_notes_and_justification(tmp_path: Path) -> None:
    settings = load_settings(LANDKREIS)
    schema, in_force = write_rules(settings, tmp_path)
    text = schema.read_text(encoding="utf-8")
    assert "Stand der Rechtslage" in text and "ersetzt" in text
    assert "Einstellungszusage" in text
    data = yaml.safe_load(in_force.read_text(encoding="utf-8"))
    conditions = {c["id"]: c for w in data["wege"].values() for c in w["voraussetzungen"]}
    share = conditions["p25b.livelihood"]["parameter"]["min_share_percent"]
    assert share["wert"] == 51  # no local value: "überwiegend" cannot be read as 50 %
    assert conditions["p25b.livelihood"]["oertliche_praxis"].startswith("Im Kooperationstreffen")
