"""The 16 Länder: dated, sourced data; a kit for one Land names no other Land's bodies or laws; unchecked facts
are not printed as fact but listed in the localisation checklist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from replicate.forms import write_forms
from replicate.kit.build import render_template
from replicate.kit.generated import write_rules
from replicate.places.load import find_land, laender
from replicate.settings import Settings

from ..kit.conftest import example_settings

LAENDER = laender()
NAMES = [land.name for land in LAENDER]


def test_sixteen_laender_each_fact_sourced_and_dated() -> None:
    assert len(LAENDER) == 16 and len({land.code for land in LAENDER}) == 16
    for land in LAENDER:
        assert land.checked.year >= 2026, land.name
        for key, fact in land.facts().items():
            assert fact.source, (land.name, key)
            assert fact.status in {"geprüft", "zu prüfen"}, (land.name, key)


def test_saxony_is_checked_in_full() -> None:
    saxony = find_land("Freistaat Sachsen")
    assert saxony is not None and saxony.name == "Sachsen"
    assert all(fact.checked for fact in saxony.facts().values())
    assert saxony.hardship_regulation.short == "SächsHFKVO"
    assert saxony.district_binding.value.startswith("§ 56 SächsLKrO")
    assert saxony.municipal_binding.value.startswith("§ 60 SächsGemO")


@pytest.mark.parametrize("alias", ["NRW", "nordrhein-westfalen", "Freistaat Bayern", "BE"])
def test_land_found_by_alias(alias: str) -> None:
    assert find_land(alias) is not None


STEMS: dict[str, list[str]] = {
    "Baden-Württemberg": ["Baden-Württemberg"],
    "Bayern": ["Bayern", "Bayerisch", "BayDSG", "BayEUG"],
    "Berlin": ["Berlin", "BlnDSG"],
    "Brandenburg": ["Brandenburg", "BbgDSG", "BbgKVerf"],
    "Bremen": ["Bremen", "Bremisch", "BremDSGVOAG"],
    "Hamburg": ["Hamburg", "HmbDSG"],
    "Hessen": ["Hessen", "Hessisch", "HDSIG", "HGO"],
    "Mecklenburg-Vorpommern": ["Mecklenburg-Vorpommern", "M-V"],
    "Niedersachsen": ["Niedersachsen", "Niedersächsisch", "NKomVG", "NDSG"],
    "Nordrhein-Westfalen": ["Nordrhein-Westfalen", "NRW"],
    "Rheinland-Pfalz": ["Rheinland-Pfalz"],
    "Saarland": ["Saarland", "Saarländisch"],
    "Sachsen": [
        "Freistaat Sachsen",
        "Freistaates Sachsen",
        "Sächsisch",
        "SächsDSDG",
        "SächsHFKVO",
        "SächsSchulG",
    ],
    "Sachsen-Anhalt": ["Sachsen-Anhalt", "LSA"],
    "Schleswig-Holstein": ["Schleswig-Holstein"],
    "Thüringen": ["Thüringen", "Thüringer"],
}
"""How each Land shows in a text: its name, the adjective of its bodies and the prefix of its laws (written
here from the Länder's own naming, not read from replicate's data)."""


def _markers(own: str) -> list[re.Pattern[str]]:
    return [
        re.compile(rf"\b{re.escape(stem)}") for land, stems in STEMS.items() if land != own for stem in stems
    ]


CITY_STATES: dict[str, dict[str, str]] = {
    "Berlin": {"name": "Land Berlin", "kind": "Stadtstaat"},
    "Hamburg": {"name": "Freie und Hansestadt Hamburg", "kind": "Stadtstaat"},
    "Bremen": {"name": "Stadtgemeinde Bremen", "kind": "Stadtgemeinde"},
}
"""The three city-states have no Kreis (Art. 1 Abs. 1 VvB; Hamburgische Verfassung; Art. 143 Abs. 1 BremLV): their kits are built for the
Land as municipality or for the Stadtgemeinde Bremen."""


def _kit(state: str, tmp_path: Path) -> str:
    settings = example_settings("kreis-mettmann.yaml")
    data = settings.model_dump(mode="json")
    data["municipality"]["state"] = state
    data["municipality"].update(CITY_STATES.get(state, {}))
    kit = Settings.model_validate(data)
    dest = tmp_path / "kit"
    render_template(kit, dest)
    write_rules(kit, dest)
    write_forms(kit, dest)
    return "\n".join(
        p.read_text("utf-8") for p in sorted(dest.rglob("*")) if p.suffix in {".md", ".yaml", ".html"}
    )


@pytest.mark.parametrize("state", NAMES)
def test_no_kit_names_another_lands_bodies_or_laws(state: str, tmp_path: Path) -> None:
    land = find_land(state)
    assert land is not None
    text = re.sub(r"\s+", " ", _kit(state, tmp_path))
    # The model project is Dresden's: its description names the Saxon refugee council and city, nothing else.
    text = text.replace("Sächsischen Flüchtlingsrats e.V.", "").replace("Sächsischer Flüchtlingsrat", "")
    assert set(STEMS) == set(NAMES)
    for marker in _markers(state):
        found = marker.search(text)
        assert not found, f"{state}: {text[max(found.start() - 80, 0) : found.end() + 80]}"
    # Unchecked facts: not printed as fact, listed in the checklist with value and source.
    unchecked = [f for f in land.facts().values() if f.value and not f.checked]
    if unchecked:
        assert "Landesrecht und Landesstellen: noch zu prüfen" in text
        for fact in unchecked:
            assert f"„{fact.value}“ (Quelle: {fact.source}" in text
    else:
        assert "noch zu prüfen" not in text
