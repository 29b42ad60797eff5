"""The advice service's data-protection regime: chosen in the settings or derived from name and legal form
(and said so), carried into the Art. 13 notice, consent, record of processing and TOM."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from replicate.kit.build import render_template
from replicate.places.derive import derive_regime
from replicate.settings import Settings

from ..kit.conftest import example_settings

DP = ("datenschutzhinweise", "einwilligung", "verarbeitungsverzeichnis", "tom", "schweigepflichtentbindung")


def _docs(settings: Settings, tmp_path: Path) -> dict[str, str]:
    render_template(settings, tmp_path / "kit")
    return {
        name: re.sub(r"\s+", " ", (tmp_path / "kit" / "datenschutz" / f"{name}.md").read_text("utf-8"))
        for name in DP
    } | {
        "agreement": re.sub(
            r"\s+", " ", (tmp_path / "kit/vereinbarung/kooperationsvereinbarung.md").read_text()
        )
    }


@pytest.mark.parametrize(
    ("organisation", "legal_form", "regime"),
    [
        ("Caritasverband für den Landkreis Görlitz e.V.", "eingetragener Verein", "katholisch"),
        ("Diakonie Mittelsachsen", "gemeinnützige GmbH", "evangelisch"),
        ("Flüchtlingsrat Musterland e.V.", "eingetragener Verein", "privat"),
        ("Bleiberechtsberatung gGmbH", "gemeinnützige GmbH", "privat"),
        ("Integrationsamt", "Körperschaft des öffentlichen Rechts", "öffentlich"),
    ],
)
def test_regime_is_derived_and_the_derivation_is_said(
    organisation: str, legal_form: str, regime: str
) -> None:
    settings = example_settings("kreis-mettmann.yaml")
    settings.advice_service.organisation = organisation
    settings.advice_service.legal_form = legal_form
    assert derive_regime(settings.advice_service)[0] == regime
    assert any(
        note.startswith("Datenschutzrecht der Beratungsstelle abgeleitet") for note in settings.notes()
    )
    settings.advice_service.data_protection = "privat"  # an explicit choice wins and needs no note
    assert derive_regime(settings.advice_service) == ("privat", "")
    assert not any("Datenschutzrecht der Beratungsstelle" in note for note in settings.notes())


def test_caritas_service_follows_the_kdg(tmp_path: Path) -> None:
    docs = _docs(example_settings("landkreis-goerlitz-caritas.toml"), tmp_path)
    notice = docs["datenschutzhinweise"]
    assert "(Informationen nach § 15 des Gesetzes über den Kirchlichen Datenschutz, KDG)" in notice
    assert "Ihre Einwilligung (§ 6 und § 8 KDG)" in notice
    assert "(§ 17 KDG)" in notice and "(§ 19 KDG)" in notice
    assert "Diözesandatenschutzbeauftragte" in notice
    for name in DP:
        assert "DSGVO" not in docs[name].replace("Art. 91 DSGVO", "").replace("mit der DSGVO", ""), name
        assert "BDSG" not in docs[name], name
        assert "Sächsische Datenschutz- und Transparenzbeauftragte" not in docs[name], name
    assert (
        "Gesetz über den Kirchlichen Datenschutz (KDG) des Bistums, das die katholische Kirche nach Art. 91 DSGVO"
        in (docs["agreement"])
    )
    # The authority keeps the state regime.
    assert "das Sächsische Datenschutzdurchführungsgesetz (SächsDSDG)" in docs["agreement"]


def test_diakonie_service_follows_the_dsg_ekd(tmp_path: Path) -> None:
    settings = example_settings("landkreis-mittelsachsen.yaml")
    docs = _docs(settings, tmp_path)
    assert "(Informationen nach § 17 des EKD-Datenschutzgesetzes, DSG-EKD)" in docs["datenschutzhinweise"]
    assert "# Technische und organisatorische Maßnahmen (§ 27 DSG-EKD)" in docs["tom"]
    assert "# Verzeichnis von Verarbeitungstätigkeiten (§ 31 DSG-EKD)" in docs["verarbeitungsverzeichnis"]
    assert "kirchliche Datenschutzaufsicht nach §§ 39 ff. DSG-EKD" in docs["datenschutzhinweise"]
    assert "BDSG" not in docs["datenschutzhinweise"]


def test_private_association_in_bavaria_has_the_private_sector_supervisor(tmp_path: Path) -> None:
    settings = example_settings("kreis-mettmann.yaml")
    settings.municipality.state = "Bayern"
    notice = _docs(settings, tmp_path)["datenschutzhinweise"]
    # Bavaria supervises private bodies separately; the name is not checked, so the text stays neutral.
    assert (
        "Zuständig für die Beratungsstelle ist die Datenschutzaufsichtsbehörde des Freistaates Bayern für "
        "nicht-öffentliche Stellen." in notice
    )
    assert "Landesbeauftragte" not in notice


def test_supervisor_from_the_settings_is_printed(tmp_path: Path) -> None:
    settings = example_settings("landkreis-goerlitz-caritas.toml")
    settings.advice_service.data_protection_supervisor = "das Katholische Datenschutzzentrum (Beispiel)"
    docs = _docs(settings, tmp_path)
    assert (
        "Zuständig für die Beratungsstelle ist das Katholische Datenschutzzentrum (Beispiel)."
        in docs["datenschutzhinweise"]
    )
    assert "das Katholische Datenschutzzentrum (Beispiel) binnen 72 Stunden" in docs["tom"]
