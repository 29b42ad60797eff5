"""The data-protection set by purpose (issue 11): each purpose cites its own legal basis in the regime of the
service (private association, public body, DSG-EKD, KDG), consent only where nothing else carries, the right
to object explained, retention from the settings, the removal use of identity data said plainly, the Art. 14
notice for family members and the DPIA threshold assessment. Cases: tests/kit/data/dataprotection_regimes.yaml."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from replicate.kit.build import render_template
from replicate.rules.loader import read_yaml
from replicate.settings import Settings

from .conftest import example_settings

CASES: dict[str, dict[str, Any]] = read_yaml(Path(__file__).parent / "data" / "dataprotection_regimes.yaml")[
    0
]
NOTICE = "datenschutz/datenschutzhinweise.md"
CONSENT = "datenschutz/einwilligung.md"
RELEASE = "datenschutz/schweigepflichtentbindung.md"
RECORD = "datenschutz/verarbeitungsverzeichnis.md"
TOM = "datenschutz/tom.md"
FAMILY = "datenschutz/informationen-angehoerige.md"
DPIA = "datenschutz/dsfa-schwellwertanalyse.md"
CHECKLIST = "projekt/lokalisierung-checkliste.md"
EXIT = "start/verstetigung-exitplan.md"
PEOPLE_DOCS = (NOTICE, CONSENT, RELEASE, RECORD, TOM, FAMILY)
REMOVAL = "Abschiebung vorzubereiten und durchzuführen (§ 48 Abs. 3, § 49 und § 86 AufenthG)"


def _settings(case: dict[str, Any]) -> Settings:
    settings = example_settings(case["example"])
    for key, value in case["changes"].items():
        setattr(settings.advice_service, key, value)
    return settings


def _render(settings: Settings, dest: Path) -> dict[str, str]:
    render_template(settings, dest)
    return {
        p.relative_to(dest).as_posix(): re.sub(r"\s+", " ", p.read_text(encoding="utf-8"))
        for p in dest.rglob("*.md")
    }


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


@pytest.fixture(scope="module", params=sorted(CASES))
def kit(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], dict[str, str]]:
    case = CASES[request.param]
    return case, _render(_settings(case), tmp_path_factory.mktemp(request.param))


def test_each_purpose_cites_its_basis_in_the_regime(kit: tuple[dict[str, Any], dict[str, str]]) -> None:
    case, docs = kit
    notice = docs[NOTICE]
    advice = _section(notice, "### 3.1", "### 3.2")
    documentation = _section(notice, "### 3.2", "### 3.3")
    exchange = _section(notice, "### 3.3", "### 3.4")
    report = _section(notice, "### 3.4", "### 3.5")
    assert f"({case['advice']}" in advice
    assert f"({case['special_consent']})" in advice  # health: explicit consent, nothing else carries
    assert f"({case['file']}" in documentation
    assert f"({case['file_special']})" in documentation
    assert f"Ihre Einwilligung ({case['exchange']})" in exchange
    assert f"({case['report']}" in report
    record = docs[RECORD]
    assert f"| Rechtsgrundlage | {case['file']}" in record
    assert f"Ihre Einwilligung ({case['exchange']}" in docs[RELEASE]


def test_no_foreign_regime_is_cited(kit: tuple[dict[str, Any], dict[str, str]]) -> None:
    case, docs = kit
    for name in PEOPLE_DOCS:
        text = docs[name].replace("Art. 91 DSGVO", "").replace("mit der DSGVO", "")
        for foreign in case["foreign"]:
            assert foreign not in text, (name, foreign)


def test_consent_only_where_nothing_else_carries(kit: tuple[dict[str, Any], dict[str, str]]) -> None:
    _, docs = kit
    consent = docs[CONSENT]
    boxes = re.findall(r"- \[ \] \*\*(.+?):\*\*", consent)
    assert boxes == ["Gesundheit", "Kontakt"]  # no consent box for the advice itself or for the file
    assert "brauchen keine Einwilligung" in consent


def test_objection_and_revocation_are_explained(kit: tuple[dict[str, Any], dict[str, str]]) -> None:
    case, docs = kit
    notice = docs[NOTICE]
    assert f"**Widerspruch** ({case['objection']})" in notice
    assert "nimmt die Beratungsstelle nicht vor" not in notice
    assert f"**Widerspruch** ({case['objection']})" in docs[FAMILY]
    # revocation with its consequences: health data deleted and routes cannot be checked; exchange stops only
    assert "löschen wir diese Angaben" in notice and "§ 25b Abs. 3 oder § 60a Abs. 2c AufenthG" in notice
    assert "Was die Stelle schon bekommen hat, behält und nutzt sie" in notice
    assert "Der Widerruf gilt nur für die Zukunft" in docs[RELEASE]


def test_release_says_the_truth(kit: tuple[dict[str, Any], dict[str, str]]) -> None:
    _, docs = kit
    release = docs[RELEASE]
    assert "sprechen mit niemandem" not in release
    assert "zur Verschwiegenheit verpflichtet" in release
    assert "§ 203 Abs. 1 Nr. 6 StGB" in release and "§ 43a Abs. 2 BRAO" in release
    assert "kein Recht, die Aussage zu verweigern (§ 53 StPO" in release
    assert REMOVAL in release
    assert REMOVAL in docs[NOTICE]


def test_family_notice_and_consent_line(kit: tuple[dict[str, Any], dict[str, str]]) -> None:
    case, docs = kit
    family = docs[FAMILY]
    assert f"(Informationen nach {case['family']})" in family
    assert "§ 60d Abs. 1 Nr. 7 AufenthG" in family  # spouse's conviction, yes or no
    for pathway in ("§ 25a Abs. 2", "§ 25b Abs. 4", "§ 60d Abs. 2"):
        assert pathway in family, pathway
    assert "Datenschutzbeauftragten" in family and "Zuständig für die Beratungsstelle ist" in family
    assert (
        f"gebe es an die Familienangehörigen weiter, über die ich der Beratungsstelle etwas sage ({case['family']})"
        in docs[CONSENT]
    )


def test_dpia_threshold_assessment(kit: tuple[dict[str, Any], dict[str, str]]) -> None:
    case, docs = kit
    dpia = docs[DPIA]
    assert dpia.startswith(f"# Schwellwertanalyse zur Datenschutz-Folgenabschätzung ({case['dpia']})")
    assert "nicht die Folgenabschätzung selbst" in dpia
    assert "Eine Datenschutz-Folgenabschätzung ist vor dem Start der Beratung durchzuführen." in dpia
    assert dpia.count("| **ja** |") == 2  # sensitive data, vulnerable persons
    assert "WP 248" in dpia and "Datenschutzkonferenz" in dpia
    assert "Art. 35 Abs. 7 DSGVO" in dpia and "Art. 35 Abs. 2 DSGVO" in dpia


@pytest.mark.parametrize(("years", "words"), [(5, "fünf Jahre"), (1, "ein Jahr"), (12, "zwölf Jahre")])
def test_retention_follows_the_setting(tmp_path: Path, years: int, words: str) -> None:
    settings = example_settings("landkreis-mittelsachsen.yaml")
    settings.advice_service.retention_years = years
    docs = _render(settings, tmp_path / "kit")
    assert f"Wir löschen Ihre Beratungsakte {words} nach dem Ende des Jahres" in docs[NOTICE]
    assert f"{words} nach dem Ende des Jahres, in dem Ihr Familienmitglied" in docs[FAMILY]
    for name in (RECORD, TOM, CHECKLIST, EXIT):
        assert f"{words} nach Ende des Jahres" in docs[name], name
    for name in (NOTICE, FAMILY, RECORD, TOM, CHECKLIST, EXIT):
        assert "drei Jahre nach" not in docs[name], name


def test_checklist_asks_the_open_legal_points(tmp_path: Path) -> None:
    docs = _render(example_settings("landkreis-goerlitz-caritas.toml"), tmp_path / "kit")
    checklist = docs[CHECKLIST]
    assert (
        "§ 12 KDG (Angaben zu Verurteilungen): Die Rechtsgrundlage ist nicht abschließend geklärt"
        in checklist
    )
    assert "Datenschutz-Folgenabschätzung (§ 35 KDG)" in checklist
    assert "Informationsblatt für Familienangehörige (§ 16 KDG)" in checklist
