"""The city-states: Berlin and Hamburg (the Land is the municipality, with Bezirke) and Bremen (two municipalities).
Every sentence that names the place or a body reads right, nothing a city-state lacks (Landkreis, Kreistag, a
Kreis's foreigners authority) is invented, and settings that invent it are refused with a German message."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from replicate.cli import main
from replicate.errors import SettingsError
from replicate.kit import new_kit
from replicate.kit.build import render_template
from replicate.places.load import kinds
from replicate.settings import Settings, load_settings

from ..kit.conftest import ROOT, example_settings
from .test_laender import _markers

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "city_states.yaml").read_text("utf-8"))
REFUSALS: list[dict[str, Any]] = yaml.safe_load((HERE / "city_state_refusals.yaml").read_text("utf-8"))
OTHER_KINDS: list[dict[str, Any]] = yaml.safe_load((HERE / "kinds.yaml").read_text("utf-8"))
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "template"), undefined=jinja2.StrictUndefined)
MACROS = ENV.from_string(
    '{%- import "includes/places.jinja" as p -%}'
    "{{ p.nom(b) }}|{{ p.gen(b) }}|{{ p.dat(b) }}|{{ p.loc(b) }}|{{ p.office(b, state) }}|"
    "{{ p.council_body(b, state) }}"
)
ABSENT = re.compile(
    r"Landkreis|Kreistag|Landrat|Landrätin|Kreisordnung|\bKreis|Stadtrat|nicht bestimmt|handelnd durch"
)
"""What a city-state kit must never say: it has no Kreis and no Kreistag, and its representative is known."""


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [f"{c['name']} ({c['state']})" for c in cases]


def test_every_municipality_kind_has_cases() -> None:
    """Every kind of the places data is tested: the Flächenländer kinds in kinds.yaml, the city-state kinds here."""
    covered = {c["kind"] for c in OTHER_KINDS} | {c["kind"] for c in CASES}
    assert covered == set(kinds())
    assert {c["state"] for c in CASES} == {"Berlin", "Hamburg", "Bremen"}


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_forms_representative_and_council(case: dict[str, Any]) -> None:
    got = MACROS.render(b={"name": case["name"], "kind": case["kind"]}, state=case["state"]).split("|")
    keys = ("nominative", "genitive", "dative", "locative", "representative", "council")
    assert got == [case[k] for k in keys]


def _kit(case: dict[str, Any], tmp_path: Path) -> dict[str, str]:
    data = example_settings("hamburg.yaml").model_dump(mode="json")
    short = case["name"].split(" ")[-1]
    data["municipality"].update(
        name=case["name"], kind=case["kind"], state=case["state"], short_name=short, ags=None
    )
    data["authority"].update(
        name=case["authority"], parent_office="Abteilung Aufenthalt", owner=case.get("owner")
    )
    data["authority"]["address"]["city"] = short
    data["advice_service"].update(
        organisation="Diakonische Bleiberechtsberatung gGmbH", project_name=f"Perspektive Bleiberecht {short}"
    )
    data["advice_service"]["address"]["city"] = short
    data["funder"]["name"] = "Fördergeber des Beispiels"
    data["financing"]["budget_line"] = "Einzelplan Integration"
    render_template(Settings.model_validate(data), tmp_path / "kit")
    return {
        p.relative_to(tmp_path / "kit").as_posix(): re.sub(r"\s+", " ", p.read_text("utf-8"))
        for p in (tmp_path / "kit").rglob("*.md")
    }


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_every_place_sentence_reads_right(case: dict[str, Any], tmp_path: Path) -> None:
    docs = _kit(case, tmp_path)
    everything = " ".join(docs.values())
    agreement = docs["vereinbarung/kooperationsvereinbarung.md"]
    # The place as a place, with article and preposition.
    assert f"{_cap(case['locative'])} leben Menschen seit vielen Jahren" in agreement
    assert f"Sie leben schon lange {case['locative']}." in docs["vereinbarung/anlage-4-informationsbrief.md"]
    assert f"mit einer Duldung {case['locative']}." in docs["projekt/projektsteckbrief.md"]
    # The parties: the owner of the foreigners authority and, for a Bezirk, the Bezirk with its legal standing.
    ref = f" ({case['ref']})" if case["ref"] else ""
    if "owner" in case:
        assert (
            f"1. {_cap(case['owner_nominative'])} als Rechtsträger der Ausländerbehörde, gesetzlich vertreten "
            f"durch: {case['owner_representative']}" in agreement
        )
        assert (
            f"3. {_cap(case['nominative'])}, gesetzlich vertreten durch: {case['representative']}, als"
            in agreement
        )
        assert case["standing"] in agreement
    else:
        assert (
            f"1. {_cap(case['nominative'])} als Rechtsträger der Ausländerbehörde, gesetzlich vertreten durch: "
            f"{case['representative']}{ref}." in agreement
        )
        # Accusative after „für“: the same form for the feminine and neuter names of these bodies.
        assert f"Für {case['nominative']} als Rechtsträger der Ausländerbehörde:" in agreement
        assert (
            f"Unterschrift: {case['representative']} oder die zur Vertretung berechtigte Person" in agreement
        )
    assert "Dienstsiegel:" in agreement
    # The council and the head in the README, the profile and the draft resolution, with the right articles.
    assert f"Verwaltungsspitze, {case['council']}," in docs["README.md"]
    assert (
        f"gesetzliche Vertretung: {case['representative']}; Vertretungskörperschaft: {case['council']}"
        in docs["projekt/projektsteckbrief.md"]
    )
    resolution = docs["start/beschlussvorlage.md"]
    assert f"{_cap(case['head_article'])} berichtet {case['council_dative']} jährlich" in resolution
    authority = case["authority"]
    label = authority if "Ausländerbehörde" in authority else f"Ausländerbehörde ({authority})"
    assert f"Kooperation zwischen der {label} und" in resolution  # never „der Amt für Migration“
    # Nothing a city-state lacks, no unknown representative; the Leipzig sentence is a fact about Leipzig.
    checked = everything.replace("Leipzig war im Dezember 2025 im Stadtrat umstritten", "")
    found = ABSENT.search(checked)
    assert not found, checked[max(found.start() - 100, 0) : found.end() + 60]
    # No other Land's bodies or laws; the model project is Dresden's and names its Saxon refugee council.
    model = everything.replace("Sächsischen Flüchtlingsrats e.V.", "").replace(
        "Sächsischer Flüchtlingsrat", ""
    )
    for marker in _markers(case["state"]):
        leak = marker.search(model)
        assert not leak, model[max(leak.start() - 80, 0) : leak.end() + 80]


@pytest.mark.parametrize("case", REFUSALS, ids=[c["name"] for c in REFUSALS])
def test_invented_bodies_are_refused(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ROOT / case["base"]
    text = base.read_text(encoding="utf-8")
    for old, new in case["replace"]:
        assert old in text, f"fixture out of date: {old!r} not in {base.name}"
        text = text.replace(old, new)
    bad = tmp_path / base.name
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(bad)
    assert main(["check", str(bad)]) == 2
    err = re.sub(r"\s+", " ", capsys.readouterr().err)
    assert "Traceback" not in err
    assert str(bad) in err
    for expected in case["expect"]:
        assert expected in err, f"{expected!r} missing in:\n{err}"


@pytest.fixture(scope="module")
def hamburg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("examples") / "hamburg"
    new_kit(example_settings("hamburg.yaml"), dest)
    return dest


def _flat(path: Path) -> str:
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


def test_hamburg_example_as_the_legal_office_of_the_senate_reads_it(hamburg: Path) -> None:
    agreement = _flat(hamburg / "vereinbarung/kooperationsvereinbarung.md")
    assert (
        "1. Die Freie und Hansestadt Hamburg als Rechtsträger der Ausländerbehörde, gesetzlich vertreten durch: "
        "Senat. Für die Freie und Hansestadt Hamburg führt die Ausländerbehörde (Amt für Migration) die "
        "Vereinbarung aus" in agreement
    )
    assert "In der Freien und Hansestadt Hamburg leben Menschen seit vielen Jahren" in agreement
    assert "Für die Freie und Hansestadt Hamburg als Rechtsträger der Ausländerbehörde:" in agreement
    # Representation and form are not checked for Hamburg: no paragraph is printed as fact, the legal office asks.
    assert (
        "Welche Form das Landesrecht der Freien und Hansestadt Hamburg für verpflichtende Erklärungen vorschreibt"
        in agreement
    )
    assert "Art. 43 HV" not in agreement
    assert "Projektkommune" not in agreement  # the Land owns the authority: no second municipal party
    # A diakonische gGmbH falls under church data-protection law (Art. 91 DSGVO).
    assert (
        "für die Beratungsstelle: Kirchengesetz über den Datenschutz der Evangelischen Kirche in Deutschland (DSG-EKD)"
        in agreement
    )
    checklist = _flat(hamburg / "projekt/lokalisierung-checkliste.md")
    assert (
        "Zu prüfen, Vertretung der Freien und Hansestadt Hamburg: in den Landesdaten von replicate steht „Art. 43 HV“"
        in checklist
    )
    assert "Vertretungskörperschaft (Bürgerschaft)" in checklist
    resolution = _flat(hamburg / "start/beschlussvorlage.md")
    assert "Der Senat berichtet der Bürgerschaft jährlich" in resolution
    assert "nach der Geschäftsordnung der Bürgerschaft" in resolution
    plan = _flat(hamburg / "start/startplan.md")
    assert "Verfassung und Verwaltungsrecht des Landes (Stadtstaat) (Zuständigkeit der Vertretung)" in plan
    # No Landkreis, Kreistag or Kreis anywhere a person reads (the rule data cites a Kreis's practice as a source).
    for path in sorted(hamburg.rglob("*")):
        if path.suffix in {".md", ".html", ".ics"}:
            text = _flat(path).replace("Leipzig war im Dezember 2025 im Stadtrat umstritten", "")
            found = ABSENT.search(text)
            assert not found, f"{path.name}: {text[max(found.start() - 100, 0) : found.end() + 60]}"


@pytest.mark.libreoffice
def test_hamburg_pdf_text_names_the_city_state(hamburg: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(hamburg / "vereinbarung/kooperationsvereinbarung.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "In der Freien und Hansestadt Hamburg leben Menschen" in re.sub(r"\s+", " ", text)
