"""The data-protection set of the advice service: Art. 13 notice, consent, release from confidentiality,
record of processing activities and technical and organisational measures follow the settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from replicate.kit.build import render_template
from replicate.settings import Settings

from .conftest import example_settings

NOTICE = "datenschutz/datenschutzhinweise.md"
CONSENT = "datenschutz/einwilligung.md"
RELEASE = "datenschutz/schweigepflichtentbindung.md"
RECORD = "datenschutz/verarbeitungsverzeichnis.md"
TOM = "datenschutz/tom.md"
AGREEMENT = "vereinbarung/kooperationsvereinbarung.md"
SAXON_AUTHORITY = "Sächsische Datenschutz- und Transparenzbeauftragte"


def _render(settings: Settings, dest: Path) -> dict[str, str]:
    render_template(settings, dest)
    return {p.relative_to(dest).as_posix(): p.read_text(encoding="utf-8") for p in dest.rglob("*.md")}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def dresden(monkeypatch: pytest.MonkeyPatch) -> Settings:
    return example_settings("dresden.toml", monkeypatch)


@pytest.fixture
def docs(dresden: Settings, tmp_path: Path) -> dict[str, str]:
    return _render(dresden, tmp_path / "kit")


def test_notice_has_every_item_of_art_13(docs: dict[str, str]) -> None:
    notice = _squash(docs[NOTICE])
    for expected in [
        "Art. 13 der Datenschutz-Grundverordnung",
        "Verantwortlich: Sächsischer Flüchtlingsrat e.V. (eingetragener Verein), Dammweg 4, 01097 Dresden",
        "Datenschutzbeauftragte",  # Art. 13 Abs. 1 lit. b
        "Wofür verarbeiten wir Ihre Daten, und auf welcher Rechtsgrundlage?",  # lit. c, purposes and bases
        "Unser Interesse ist, nachweisen zu können",  # lit. d, the legitimate interests pursued
        "Art. 6 Abs. 1 lit. a DSGVO",  # lit. c, legal basis
        "Art. 9 Abs. 2 lit. a DSGVO",
        "Wer bekommt Ihre Daten?",  # lit. e, recipients
        "nicht in Länder außerhalb der Europäischen Union",  # lit. f
        "drei Jahre nach dem Ende des Jahres",  # Abs. 2 lit. a, storage period
        "Art. 15 DSGVO",  # Abs. 2 lit. b, rights
        "Art. 7 Abs. 3 DSGVO",  # Abs. 2 lit. c, withdrawal
        "Art. 77 DSGVO",  # Abs. 2 lit. d, complaint
        "Müssen Sie Ihre Daten angeben?",  # Abs. 2 lit. e
        "Art. 22 DSGVO",  # Abs. 2 lit. f
        "Art. 10 DSGVO",
    ]:
        assert expected in notice, expected
    assert "Art. 26" not in notice


def test_supervisory_authority_in_saxony(docs: dict[str, str]) -> None:
    assert f"Zuständig für die Beratungsstelle ist die {SAXON_AUTHORITY}." in _squash(docs[NOTICE])
    assert SAXON_AUTHORITY in _squash(docs[TOM])
    assert "Sächsische Datenschutzdurchführungsgesetz (SächsDSDG)" in _squash(docs[AGREEMENT])


@pytest.mark.parametrize(
    ("state", "genitive"),
    [("Bayern", "des Freistaates Bayern"), ("Sachsen-Anhalt", "des Landes Sachsen-Anhalt")],
)
def test_supervisory_authority_in_another_land(
    dresden: Settings, tmp_path: Path, state: str, genitive: str
) -> None:
    """The Land data of Bavaria and Saxony-Anhalt are not checked: the documents name the bodies neutrally."""
    dresden.municipality.state = state
    dresden.cooperation.land_bodies = type(dresden.cooperation.land_bodies)()
    docs = _render(dresden, tmp_path / "kit")
    notice = _squash(docs[NOTICE])
    assert (
        f"Zuständig für die Beratungsstelle ist die Datenschutzaufsichtsbehörde {genitive} für "
        "nicht-öffentliche Stellen." in notice
    )
    assert SAXON_AUTHORITY not in notice
    agreement = _squash(docs[AGREEMENT])
    assert f"das Datenschutzgesetz {genitive}" in agreement and "SächsDSDG" not in agreement
    assert "Nach der Verfahrenspraxis in Sachsen" not in agreement
    assert f"richtet sich nach dem Recht {genitive}" in agreement


def test_consent_has_separate_boxes_and_revocation(docs: dict[str, str]) -> None:
    consent = _squash(docs[CONSENT])
    assert (
        docs[CONSENT].count("- [ ] **") == 2
    )  # health and contact, each its own box; nothing else needs consent
    for expected in [
        "Art. 6 Abs. 1 lit. a DSGVO",
        "Art. 9 Abs. 2 lit. a DSGVO",
        "Art. 7 Abs. 3 DSGVO",
        "Art. 14 DSGVO",
        "Der Widerruf gilt für die Zukunft",
        "freiwillig",
        "info@saechsischer-fluechtlingsrat.de",
    ]:
        assert expected in consent, expected


def test_release_names_each_body_with_purpose_and_end_date(docs: dict[str, str]) -> None:
    release = docs[RELEASE]
    bodies = re.findall(r"^- \[ \] \*\*(.+?)\*\*", release, flags=re.M)
    assert bodies[0] == "Ausländerbehörde der Landeshauptstadt Dresden"  # not doubled
    assert (
        "Zentrale Landesbehörde für Rückführungen (Zentrale Ausländerbehörde der Landesdirektion Sachsen)"
        in bodies
    )
    assert any(b.startswith("Jobcenter oder Sozialamt") for b in bodies)
    assert any(b.startswith("Schule, Hochschule oder Ausbildungsbetrieb") for b in bodies)
    assert "Härtefallkommission des Freistaates Sachsen" in bodies
    # each body: its own purpose and its own end date
    assert release.count("Zweck:") == len(bodies)
    assert release.count("Gilt bis: ______________") == len(bodies)
    assert "jederzeit widerrufen" in _squash(release)


def test_release_without_removal_authority(dresden: Settings, tmp_path: Path) -> None:
    """No removal authority in the settings and none checked in the Land data: none is named."""
    dresden.municipality.state = "Thüringen"
    dresden.cooperation.land_bodies = type(dresden.cooperation.land_bodies)()
    docs = _render(dresden, tmp_path / "kit")
    assert "Zentrale Landesbehörde für Rückführungen" not in docs[RELEASE]
    assert "zentrale Landesbehörde für Rückführungen" not in docs[NOTICE]
    assert "Zentrale Ausländerbehörde" not in docs[RECORD]


def test_record_of_processing_covers_art_30(docs: dict[str, str]) -> None:
    record = docs[RECORD]
    assert "(Art. 30 Abs. 1 lit. a DSGVO)" in record
    for letter in "bcdefg":
        assert f"(lit. {letter})" in record, letter
    assert record.count("## Verarbeitung ") == 4  # advice, file, exchange, reporting
    assert "Gemeinsam Verantwortliche | keine" in record
    assert "einmal im Halbjahr" in record  # reporting cadence of the funder


def test_tom_are_practical(docs: dict[str, str]) -> None:
    tom = _squash(docs[TOM])
    for expected in [
        "verschlüsselt",
        "Keine Daten von Ratsuchenden in unverschlüsselten E-Mails",
        "offline ausgefüllt",
        "Pseudonymen",
        "gelöscht",
        "Art. 28 DSGVO",
        "Art. 33 DSGVO",
    ]:
        assert expected in tom, expected
