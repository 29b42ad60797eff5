"""The grant rules a Sachbericht cites follow the funder's programme: a funder in North Rhine-Westphalia
whose programme is not in the catalog gets no Saxon budget law, a Saxon programme keeps its ANBest-P."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from replicate.cli import main
from replicate.funders.document import calendar_markdown
from tests.report.helpers import ROOT, settings

SAXON = ("SäHO", "Sächs", "Freistaat Sachsen", "Sächsische Aufbaubank", "SAB")


@pytest.fixture(scope="module")
def mettmann_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report for the Kreis Mettmann example, with one target that has decimals and thousands."""
    work = tmp_path_factory.mktemp("mettmann")
    data = yaml.safe_load((ROOT / "examples" / "kreis-mettmann.yaml").read_text(encoding="utf-8"))
    data["funder"]["indicators"][0]["target"] = 1234.5
    data["kit"]["reference_date"] = "2027-06-30"
    (work / "mettmann.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert (
        main(["demo-caseload", "200", "--seed", "3", "--start", "2027-01-01", "--out", str(work / "f.csv")])
        == 0
    )
    args = ["report", str(work / "f.csv"), "--settings", str(work / "mettmann.yaml")]
    args += ["--period", "2027-01-01..2027-12-31", "--out", str(work / "bericht"), "--quiet"]
    assert main(args) == 0
    return work / "bericht"


def _without_indicator_provenance(text: str) -> str:
    """The report data without each indicator's provenance (where its definition was taken from, e.g. the
    model's own reports), which is history of the catalog, not the rules of this grant."""
    data = json.loads(text)
    for figure in data.get("figures", []):
        figure.pop("source", None)
    return json.dumps(data, ensure_ascii=False)


def test_nrw_report_cites_no_saxon_law(mettmann_report: Path) -> None:
    texts = [
        p for p in sorted(mettmann_report.rglob("*")) if p.suffix in {".md", ".html", ".json", ".csv", ".svg"}
    ]
    assert {"sachbericht.md", "sachbericht.html", "kurzbericht.md", "bericht.json"} <= {p.name for p in texts}
    for path in texts:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            text = _without_indicator_provenance(text)
        for word in SAXON:
            assert word not in text, f"{path.name}: {word}"
    sachbericht = (mettmann_report / "sachbericht.md").read_text(encoding="utf-8")
    assert (
        "Grundlage: die Nebenbestimmungen, die der Zuwendungsbescheid für verbindlich erklärt" in sachbericht
    )
    assert "Mitteilungen, die der Zuwendungsbescheid verlangt" in sachbericht


def test_report_numbers_have_thousands_separators(mettmann_report: Path) -> None:
    sachbericht = (mettmann_report / "sachbericht.md").read_text(encoding="utf-8")
    assert "| 1.234,5 |" in sachbericht
    assert "1234,5" not in sachbericht


def test_nrw_calendar_cites_no_saxon_law() -> None:
    text = calendar_markdown(settings("kreis-mettmann.yaml"))
    for word in SAXON:
        assert word not in text, word
    assert "Nebenbestimmungen, die der Zuwendungsbescheid für verbindlich erklärt" in text


def test_saxon_programme_keeps_its_anbest_p() -> None:
    dresden = settings("dresden.toml")
    assert dresden.funder.programme_key == "sn-fachkraefterichtlinie"
    text = calendar_markdown(dresden)
    assert "Anlage 2 zur VwV zu § 44 SäHO" in text
    assert "§ 44a SäHO" in text
