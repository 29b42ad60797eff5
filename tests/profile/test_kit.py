"""The practice profile in the kit: one A4 page in every format, the facts with their sources."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from replicate.kit import new_kit
from replicate.settings import load_settings
from tests.helpers_office import convert_with_libreoffice

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
CASES = {
    "dresden": ROOT / "examples" / "dresden.toml",
    "longest": HERE / "longest.yaml",  # a summary of 1,000 characters, long names, another Land
    "many": HERE / "many.yaml",  # generated summary, three results, two other sites
    "landkreis": ROOT / "examples" / "landkreis-mittelsachsen.yaml",  # no [profile] at all
}


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("REPLICATE_KIT__REFERENCE_DATE", "2026-11-25")
    try:
        built = {}
        for name, path in CASES.items():
            dest = tmp_path_factory.mktemp("profile") / name
            new_kit(load_settings(path), dest)
            built[name] = dest
        return built
    finally:
        mp.undo()


def _pages(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.fail("pdfinfo not found: install poppler-utils", pytrace=False)
    out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
    assert found, out
    return int(found.group(1))


def _profile(kit: Path) -> str:
    return (kit / "projekt" / "praxisprofil.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(CASES))
def test_pdf_is_one_a4_page(kits: dict[str, Path], name: str) -> None:
    pdf = kits[name] / "projekt" / "praxisprofil.pdf"
    assert _pages(pdf) == 1
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in size


@pytest.mark.libreoffice
def test_docx_and_odt_are_one_page_in_libreoffice(kits: dict[str, Path], tmp_path: Path) -> None:
    inputs = []
    for name in ("dresden", "longest", "many"):
        for fmt in ("docx", "odt"):
            copy = tmp_path / f"{name}-{fmt}.{fmt}"
            shutil.copy(kits[name] / "projekt" / f"praxisprofil.{fmt}", copy)
            inputs.append(copy)
    for pdf in convert_with_libreoffice(inputs, tmp_path / "pdf"):
        assert _pages(pdf) == 1, pdf.name


def test_dresden_profile_has_the_documented_figures_with_sources(kits: dict[str, Path]) -> None:
    text = _profile(kits["dresden"])
    assert "567 Erst- und Folgeberatungen (Stand 30.06.2025; Quelle: Sächsischer Flüchtlingsrat e.V.)" in text
    assert "29 Herkunftsländer (Stand 30.06.2025" in text
    assert "Läuft in 2 Verwaltungen" in text and "Stadt Leipzig (seit August 2024" in text
    assert "1.400 Geduldete" in text and "Quelle: öffentliche Angaben der Landeshauptstadt Dresden" in text
    assert "Vorbild ist" not in text  # Dresden is the model itself
    assert "Aktionsplan Integration 2022–2026" in text


def test_every_criterion_and_section_is_there(kits: dict[str, Path]) -> None:
    for name in CASES:
        text = _profile(kits[name])
        for label in (
            "Kurzbeschreibung", "Problem", "Lösung", "Partner und Rollen", "Zielgruppe und Größe",
            "Start und Förderung", "Kosten", "Ergebnisse", "Übertragbarkeit", "Eignung", "Innovation",
            "Nachhaltigkeit", "Voraussetzungen", "Erfahrungen", "Kontakt",
        ):  # fmt: skip
            assert f"**{label}.**" in text, (name, label)


def test_figure_without_source_is_the_municipalitys_statement(kits: dict[str, Path]) -> None:
    text = _profile(kits["many"])
    assert "78,5 Erteilte Aufenthaltserlaubnisse (Stand 31.12.2028; Quelle: Angabe der Kommune)" in text
    assert "Landkreis Emsland (Quelle: Jahresbericht des Trägers)" in text
    assert "137.500 € im Jahr (Quelle: Finanzierungsplan 2027–2029); Fördersumme 412.500 €" in text
    assert "Läuft in 4 Verwaltungen" in text  # Dresden, two others, the Landkreis itself


def test_unknown_is_said_to_be_unknown(kits: dict[str, Path]) -> None:
    """The Landkreis example has no figures, no start date, no [profile]: the profile says what is missing."""
    text = _profile(kits["landkreis"])
    assert "Zahl nicht angegeben" in text
    assert "Beginn: nicht angegeben" in text
    assert "Noch keine Ergebnisse mit Stichtag und Quelle angegeben" in text
    assert "Fördersumme 145.000 €" in text


def test_generated_summary_stays_within_1000_characters(kits: dict[str, Path]) -> None:
    for name in ("dresden", "many", "landkreis"):
        text = _profile(kits[name])
        summary = text.split("**Kurzbeschreibung.**", 1)[1].split("\n\n", 1)[0]
        plain = " ".join(summary.replace("\\", "").split())
        assert 200 < len(plain) <= 1000, name


def test_no_internal_identifiers_for_people(kits: dict[str, Path]) -> None:
    for name in CASES:
        text = _profile(kits[name])
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), name  # snake_case keys
        assert ".md" not in text and "other_sites" not in text and "None" not in text


@pytest.mark.browser
def test_html_prints_on_one_a4_page_in_chromium(kits: dict[str, Path], tmp_path: Path) -> None:
    """The HTML version printed by Debian's Chromium (its print styles: A4, 2.5 cm margins)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.forms.test_browser import ARGS, CHROMIUM

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            for name in ("dresden", "longest", "many"):
                page.goto((kits[name] / "projekt" / "praxisprofil.html").as_uri())
                pdf = tmp_path / f"{name}.pdf"
                page.pdf(path=str(pdf), prefer_css_page_size=True)
                assert _pages(pdf) == 1, name
        finally:
            browser.close()
