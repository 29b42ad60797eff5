"""A kit for the model's own place says it is the model; every other kit says it copies the model. Decided by
the settings (the municipality's official key against the model's), not by the name "Dresden"."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.kit.build import render_sources
from replicate.settings import Settings
from tests.kit.conftest import example_settings

COPYING = (
    "übernimmt das Modell",
    "übernehmen dafür das Modell",
    "folgt dem Vorbild",
    "nach dem Vorbild",
    "Vorbild ist „Perspektive",
    "Lücke des Vorbilds",
)
FIGURES = (
    "567 Erst- und Folgeberatungen von Menschen aus 29 Herkunftsländern (Quelle: Angaben des Sächsischen "
    "Flüchtlingsrats e.V.)"
)


def _kit(settings: Settings, folder: Path) -> dict[str, str]:
    render_sources(settings, folder)
    return {
        p.relative_to(folder).as_posix(): " ".join(p.read_text(encoding="utf-8").split())
        for p in sorted(folder.rglob("*.md"))
    }


def _without_key(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"municipality": settings.municipality.model_copy(update={"ags": None})}
    )


@pytest.fixture(scope="module")
def dresden(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _kit(example_settings("dresden.toml"), tmp_path_factory.mktemp("model") / "kit")


def test_model_site_never_says_it_copies_itself(dresden: dict[str, str]) -> None:
    for name, text in dresden.items():
        for phrase in COPYING:
            assert phrase not in text, f"{name}: {phrase}"
    steckbrief = dresden["projekt/projektsteckbrief.md"]
    assert "Das Projekt ist selbst das Modell „Perspektive Bleiberecht Dresden“" in steckbrief
    assert f"Bis zum 30.06.2025 meldete der Träger {FIGURES}" in steckbrief
    assert "wurde bisher nicht erhoben (tag24, 27.12.2025)" in steckbrief
    assert "Das Projekt ist selbst das Modell" in dresden["start/beschlussvorlage.md"]
    assert (
        "Die Partner halten mit dieser Vereinbarung ihre Zusammenarbeit"
        in dresden["vereinbarung/kooperationsvereinbarung.md"]
    )


@pytest.mark.parametrize(
    "example", ["leipzig.toml", "landkreis-goerlitz-caritas.toml", "kreis-mettmann.yaml"]
)
def test_other_places_say_they_copy_the_model(example: str, tmp_path: Path) -> None:
    """Leipzig (same service, same Land), a church-run service in a Landkreis, a Kreis in another Land."""
    kit = _kit(example_settings(example), tmp_path / "kit")
    steckbrief = kit["projekt/projektsteckbrief.md"]
    assert "Das Projekt übernimmt das Modell „Perspektive Bleiberecht Dresden“" in steckbrief
    assert f"meldete der Träger des Modells {FIGURES}" in steckbrief
    assert "Das Projekt ist selbst das Modell" not in steckbrief
    assert "Das Projekt übernimmt das Modell" in kit["start/beschlussvorlage.md"]
    assert "Die Partner übernehmen dafür das Modell" in kit["vereinbarung/kooperationsvereinbarung.md"]
    assert "folgt dem Vorbild" in kit["start/pressemitteilung.md"]
    assert "nach dem Vorbild" in kit["README.md"]


def test_the_name_alone_does_not_decide(tmp_path: Path) -> None:
    """Without the official key the kit cannot tell the model's place from a namesake: it copies the model."""
    kit = _kit(_without_key(example_settings("dresden.toml")), tmp_path / "kit")
    assert "Das Projekt übernimmt das Modell" in kit["projekt/projektsteckbrief.md"]
