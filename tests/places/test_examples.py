"""The examples outside the Dresden model, read as the body's legal office would: a Saxon Landkreis with a
Caritas service (built completely, with a client language that has no catalog) and a Kreis in NRW."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from replicate.kit import new_kit
from replicate.kit.build import render_template

from ..kit.conftest import example_settings


def _flat(path: Path) -> str:
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def goerlitz(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    dest = tmp_path_factory.mktemp("examples") / "goerlitz"
    result = new_kit(example_settings("landkreis-goerlitz-caritas.toml"), dest)
    return dest, result.notes


def test_goerlitz_builds_with_georgian_in_german_marked(goerlitz: tuple[Path, list[str]]) -> None:
    kit, notes = goerlitz
    assert any(n.startswith("Für Georgisch gibt es noch keine Übersetzung der Formulare") for n in notes)
    consent = (kit / "formulare/ka/einwilligung.md").read_text(encoding="utf-8")
    assert consent.startswith("# [DE] Einwilligung in die Verarbeitung personenbezogener Daten")
    for suffix in ("html", "docx", "odt", "pdf"):
        assert (kit / f"formulare/ka/einwilligung.{suffix}").is_file(), suffix
    assert "Formulare auf Georgisch: Es gibt noch keine Übersetzung" in _flat(
        kit / "projekt/lokalisierung-checkliste.md"
    )
    assert "Georgisch: [DE] Einwilligung" in (kit / "index.html").read_text(encoding="utf-8")


def test_goerlitz_agreement_as_the_landkreis_legal_office_reads_it(goerlitz: tuple[Path, list[str]]) -> None:
    kit, _ = goerlitz
    agreement = _flat(kit / "vereinbarung/kooperationsvereinbarung.md")
    assert (
        "1. Der Landkreis Görlitz als Rechtsträger der Ausländerbehörde, gesetzlich vertreten durch: "
        "Landrätin oder Landrat (§ 47 SächsLKrO)." in agreement
    )
    assert "Im Landkreis Görlitz leben Menschen seit vielen Jahren" in agreement
    assert "Für den Landkreis Görlitz als Rechtsträger der Ausländerbehörde:" in agreement
    assert "in der Form verpflichtender Erklärungen nach § 56 SächsLKrO" in agreement
    assert "an die Sächsische Härtefallkommission" in agreement
    assert "(Landesdirektion Sachsen (Zentrale Ausländerbehörde))" in agreement
    assert "Gesetz über den Kirchlichen Datenschutz (KDG)" in agreement
    for wrong in ("In Görlitz", "in Görlitz leben", "Stadtrat", "Oberbürgermeister", "handelnd durch"):
        assert wrong not in agreement, wrong
    pruefschema = _flat(kit / "regeln/pruefschema.md")
    assert "Härtefallersuchen (Sächsische Härtefallkommission)" in pruefschema
    assert "SächsHFKVO" in pruefschema
    assert "§ 27 SächsSchulG (Beginn der Schulpflicht)" in _flat(kit / "regeln/regeln-in-kraft.yaml")


@pytest.mark.libreoffice
def test_goerlitz_pdf_text_has_the_forms_of_the_place(goerlitz: tuple[Path, list[str]]) -> None:
    kit, _ = goerlitz
    text = subprocess.run(
        ["pdftotext", str(kit / "vereinbarung/kooperationsvereinbarung.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Im Landkreis Görlitz leben Menschen" in re.sub(r"\s+", " ", text)


def test_mettmann_as_the_kreis_legal_office_reads_it(tmp_path: Path) -> None:
    settings = example_settings("kreis-mettmann.yaml")
    render_template(settings, tmp_path / "kit")
    kit = tmp_path / "kit"
    agreement = _flat(kit / "vereinbarung/kooperationsvereinbarung.md")
    assert (
        "1. Der Kreis Mettmann als Rechtsträger der Ausländerbehörde, gesetzlich vertreten durch: Landrätin "
        "oder Landrat." in agreement
    )
    assert (
        "Welche Form das Kommunalrecht des Landes Nordrhein-Westfalen für verpflichtende Erklärungen vorschreibt"
        in agreement
    )
    assert "an die Härtefallkommission des Landes Nordrhein-Westfalen" in agreement
    assert "stellen die Partner vor der Unterzeichnung fest" in agreement
    assert (
        "für die Beratungsstelle: Datenschutz-Grundverordnung (DSGVO) und Bundesdatenschutzgesetz (BDSG)."
        in agreement
    )
    checklist = _flat(kit / "projekt/lokalisierung-checkliste.md")
    assert "Landesrecht und Landesstellen: noch zu prüfen" in checklist
    assert "„Härtefallkommission des Landes Nordrhein-Westfalen“" in checklist
    assert "Formulare auf Zentralkurdisch" in checklist  # ckb has no catalog
    readme = _flat(kit / "README.md")
    assert "Verwaltungsspitze, Kreistag," in readme


def test_i18n_guide_says_no_code_change_is_needed() -> None:
    guide = _flat(Path(__file__).resolve().parents[2] / "docs" / "i18n.md")
    assert "einzige Code-Änderung" not in guide
    assert "Code muss dafür niemand ändern" in guide
    settings = example_settings("landkreis-goerlitz-caritas.toml")
    assert "ka" in settings.kit.client_languages  # a language outside the curated names is accepted as it is
