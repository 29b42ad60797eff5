"""Every municipality kind: the grammatical forms of its name, its representative and its council, read
from the template macros and from a rendered kit (every sentence that names the place or a body)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from replicate.kit.build import render_template
from replicate.settings import Settings

from ..kit.conftest import ROOT, example_settings

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).with_name("kinds.yaml")).read_text("utf-8"))
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "template"), undefined=jinja2.StrictUndefined)
MACROS = ENV.from_string(
    '{%- import "includes/places.jinja" as p -%}'
    "{{ p.nom(b) }}|{{ p.gen(b) }}|{{ p.loc(b) }}|{{ p.office(b, state) }}|{{ p.council_body(b, state) }}"
)
CITY_WORDS = ("Stadtrat", "Oberbürgermeister", "Bürgermeisterin", "Gemeinderat")
DISTRICT_WORDS = ("Kreistag", "Landrätin", "Landrat ", "Regionsversammlung", "Städteregionstag")


def _body(case: dict[str, Any]) -> dict[str, Any]:
    return {"name": case["name"], "kind": case["kind"], **case.get("settings", {})}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_forms_representative_and_council(case: dict[str, Any]) -> None:
    got = MACROS.render(b=_body(case), state=case["state"]).split("|")
    expected = [case[k] for k in ("nominative", "genitive", "locative", "representative", "council")]
    assert got == expected


def test_name_forms_override_each_case() -> None:
    body = {
        "name": "Oberbergischer Kreis",
        "kind": "Kreis",
        "name_forms": {"genitive": "des Oberbergischen Kreises", "locative": "im Oberbergischen Kreis"},
    }
    got = MACROS.render(b=body, state="Nordrhein-Westfalen").split("|")
    assert got[1:3] == ["des Oberbergischen Kreises", "im Oberbergischen Kreis"]


def _kit(case: dict[str, Any], tmp_path: Path) -> dict[str, str]:
    settings = example_settings("kreis-mettmann.yaml")
    data = settings.model_dump(mode="json")
    data["municipality"].update(name=case["name"], kind=case["kind"], state=case["state"], short_name="Kurz")
    data["municipality"].update(case.get("settings", {}))
    data["authority"]["name"] = f"Ausländerbehörde {case['genitive']}"
    data["funder"]["name"] = "Fördergeber des Beispiels"
    kit = Settings.model_validate(data)
    render_template(kit, tmp_path / "kit")
    return {
        p.relative_to(tmp_path / "kit").as_posix(): p.read_text("utf-8")
        for p in (tmp_path / "kit").rglob("*.md")
    }


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_place_sentence_reads_right(case: dict[str, Any], tmp_path: Path) -> None:
    docs = {name: _flat(text) for name, text in _kit(case, tmp_path).items()}
    everything = " ".join(docs.values())
    agreement = docs["vereinbarung/kooperationsvereinbarung.md"]
    locative = case["locative"]
    # The place as a place: with article and preposition, never the short name, never a bare kind.
    assert f"{locative[0].upper()}{locative[1:]} leben Menschen seit vielen Jahren" in agreement
    assert f"Sie leben schon lange {locative}." in docs["vereinbarung/anlage-4-informationsbrief.md"]
    assert f"mit einer Duldung {locative}." in docs["projekt/projektsteckbrief.md"]
    for wrong in (" in Kurz", "In Kurz", f"In {case['name']} ", f"in {case['name']} ", f"Für {case['name']}"):
        assert wrong not in everything, wrong
    # The body as a party: represented by its office under the Land's code, not "handelnd durch" an office.
    nominative = case["nominative"]
    assert f"1. {nominative[0].upper()}{nominative[1:]} als Rechtsträger der Ausländerbehörde" in agreement
    assert f"gesetzlich vertreten durch: {case['representative']}" in agreement
    assert "handelnd durch" not in everything
    assert "Dienstsiegel:" in agreement
    # No doubled authority name, the right council, no council of another kind.
    assert "Ausländerbehörde (Ausländerbehörde" not in everything
    assert "Stadtrat oder Kreistag" not in everything
    assert f"Verwaltungsspitze, {case['council']}," in docs["README.md"]
    district = case["kind"] in {"Landkreis", "Kreis", "Region", "Städteregion"}
    for word in CITY_WORDS if district else DISTRICT_WORDS:
        assert word not in docs["README.md"] + docs["projekt/projektsteckbrief.md"] + agreement, word


def test_grosse_kreisstadt_with_the_landkreis_as_owner(tmp_path: Path) -> None:
    """A Große Kreisstadt starts the project, the Ausländerbehörde belongs to its Landkreis: the agreement
    says who signs for what."""
    settings = example_settings("landkreis-goerlitz-caritas.toml")
    data = settings.model_dump(mode="json")
    data["municipality"].update(
        name="Große Kreisstadt Radebeul", kind="Große Kreisstadt", short_name="Radebeul"
    )
    data["authority"]["name"] = "Ausländerbehörde des Landkreises Meißen"
    data["authority"]["owner"] = {"name": "Landkreis Meißen", "kind": "Landkreis"}
    render_template(Settings.model_validate(data), tmp_path / "kit")
    agreement = _flat((tmp_path / "kit/vereinbarung/kooperationsvereinbarung.md").read_text("utf-8"))
    assert (
        "1. Der Landkreis Meißen als Rechtsträger der Ausländerbehörde, gesetzlich vertreten durch: Landrätin "
        "oder Landrat (§ 47 SächsLKrO)." in agreement
    )
    assert (
        "3. Die Große Kreisstadt Radebeul, gesetzlich vertreten durch: Oberbürgermeisterin oder " in agreement
    )
    assert (
        "Rechtsträger der Ausländerbehörde ist der Landkreis Meißen, nicht die Große Kreisstadt Radebeul."
        in agreement
    )
    assert "Für den Landkreis Meißen als Rechtsträger der Ausländerbehörde:" in agreement
    assert (
        "Für die Große Kreisstadt Radebeul als Projektkommune (nur für ihre eigenen Beiträge):" in agreement
    )
    assert (
        "Der Landkreis Meißen unterzeichnet sie gleichwohl in der Form verpflichtender Erklärungen nach § 56 SächsLKrO"
        in agreement
    )
    assert "Im Landkreis Meißen leben" not in agreement
    assert "In der Großen Kreisstadt Radebeul leben Menschen" in agreement
