"""The cooperation agreement and its annexes: every adaptable clause follows its setting; no document of any
example kit has leftover template syntax or an empty place where a value belongs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from replicate.kit.build import render_template
from replicate.settings import Settings

from .conftest import ROOT, example_settings

AGREEMENT = "vereinbarung/kooperationsvereinbarung.md"
CONTACTS = "vereinbarung/anlage-1-kontaktliste.md"
REFERRAL = "vereinbarung/anlage-2-verweisungsbogen.md"
MINUTES = "vereinbarung/anlage-3-fallkonferenz-protokoll.md"
LETTER = "vereinbarung/anlage-4-informationsbrief.md"
CHECKLIST = "projekt/lokalisierung-checkliste.md"
NEW_DOCUMENTS = [
    AGREEMENT,
    CONTACTS,
    REFERRAL,
    MINUTES,
    LETTER,
    CHECKLIST,
    "datenschutz/datenschutzhinweise.md",
    "datenschutz/einwilligung.md",
    "datenschutz/schweigepflichtentbindung.md",
    "datenschutz/verarbeitungsverzeichnis.md",
    "datenschutz/tom.md",
    "datenschutz/informationen-angehoerige.md",
    "datenschutz/dsfa-schwellwertanalyse.md",
]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if p.suffix in {".toml", ".yaml", ".yml"})

Render = Callable[[Settings], Callable[[str], str]]


@pytest.fixture
def render(tmp_path: Path) -> Render:
    """Render the Markdown of a kit for ``settings``; return a reader for its documents."""
    counter = iter(range(1000))

    def _render(settings: Settings) -> Callable[[str], str]:
        dest = tmp_path / f"kit{next(counter)}"
        render_template(settings, dest)
        return lambda name: (dest / name).read_text(encoding="utf-8")

    return _render


@pytest.fixture
def dresden(monkeypatch: pytest.MonkeyPatch) -> Settings:
    return example_settings("dresden.toml", monkeypatch)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --- structure ---------------------------------------------------------------------------------------------


def test_agreement_has_all_sections(render: Render, dresden: Settings) -> None:
    text = render(dresden)(AGREEMENT)
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == [
        "§ 1 Präambel und rechtlicher Rahmen",
        "§ 2 Gemeinsame Ziele",
        "§ 3 Zielgruppe",
        "§ 4 Aufgaben der Partner und Unabhängigkeit der Beratungsstelle",
        "§ 5 Zugang zur Zielgruppe",
        "§ 6 Verfahren im Einzelfall",
        "§ 7 Datenschutz",
        "§ 8 Kennzahlen und Berichte",
        "§ 9 Öffentlichkeitsarbeit",
        "§ 10 Laufzeit, Überprüfung und Beendigung",
        "§ 11 Konfliktlösung",
        "§ 12 Schlussbestimmungen",
        "Unterschriften",
    ]
    flat = _squash(text)
    for expected in [
        "grün",
        "gelb",
        "rot",
        "Art. 6 Abs. 1 lit. a DSGVO",
        "Art. 9 Abs. 2 lit. a DSGVO",
        "Art. 7 Abs. 3 DSGVO",
        "gemeinsame Verantwortlichkeit nach Art. 26 DSGVO besteht nicht",
        "Zahlen unter der Mindestfallzahl 5 werden gesperrt",
        "keine hoheitlichen Aufgaben",
        "Härtefallkommission des Freistaates Sachsen",
    ]:
        assert expected in flat, expected


def test_readme_lists_every_new_document(render: Render, dresden: Settings) -> None:
    readme = render(dresden)("README.md")
    for name in NEW_DOCUMENTS:
        assert f"`{name}`" in readme, name


# --- clauses that follow the settings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contact", "agreement_says", "letter_sender"),
    [
        (
            "Ausländerbehörde",
            "Die Ausländerbehörde schreibt die Zielgruppe an.",
            "Absender: Ausländerbehörde der",
        ),
        (
            "Beratungsstelle",
            "Die Beratungsstelle schreibt die Zielgruppe an",
            "Absender: Sächsischer Flüchtlingsrat",
        ),
        ("gemeinsam", "schreiben die Zielgruppe gemeinsam an", "gemeinsam mit Sächsischer Flüchtlingsrat"),
    ],
)
def test_target_group_contact(
    render: Render, dresden: Settings, contact: str, agreement_says: str, letter_sender: str
) -> None:
    dresden.cooperation.target_group_contact = contact  # type: ignore[assignment]
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert agreement_says in agreement
    assert "übermittelt der Beratungsstelle keine Namen oder Anschriften" in agreement or (
        "übermittelt ihr dafür keine Namen oder Anschriften" in agreement
    )
    by = "beide Partner gemeinsam" if contact == "gemeinsam" else contact
    assert f"Anschreiben der Zielgruppe durch: {by};" in doc(CHECKLIST)
    assert letter_sender in _squash(doc(LETTER))


def test_removal_authority_from_settings_land_data_or_open(render: Render, dresden: Settings) -> None:
    name = "Zentrale Ausländerbehörde der Landesdirektion Sachsen"
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert f"die zentrale Landesbehörde ({name})" in agreement
    assert "selbst für den Vollzug" not in agreement
    assert name in doc(CONTACTS) and name in doc(REFERRAL)

    # Not in the settings: the checked Saxon Land data names the body.
    dresden.cooperation.land_bodies.removal_authority = None
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    checked = "Landesdirektion Sachsen (Zentrale Ausländerbehörde)"
    assert f"die zentrale Landesbehörde ({checked})" in agreement
    assert checked in doc(CONTACTS) and checked in doc(REFERRAL)

    # A Land whose removal authority is not checked: nothing is asserted, the partners fill it in.
    dresden.municipality.state = "Nordrhein-Westfalen"
    dresden.cooperation.land_bodies = type(dresden.cooperation.land_bodies)()
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert "stellen die Partner vor der Unterzeichnung fest" in agreement
    assert "selbst für den Vollzug" not in agreement and "Sachsen" not in agreement
    checklist = _squash(doc(CHECKLIST))
    assert "Zu prüfen, Zentrale Landesbehörde für Rückführungen" in checklist
    assert (
        "Geklärt, ob es in Nordrhein-Westfalen eine zentrale Landesbehörde für Rückführungen gibt"
        in checklist
    )


def test_integration_office_set_and_unset(render: Render, dresden: Settings) -> None:
    doc = render(dresden)
    agreement = doc(AGREEMENT)
    assert "Integrationsstelle" not in agreement
    assert agreement.count("Ort, Datum:") == 2

    dresden.cooperation.integration_office = "Integrationsbeauftragte der Landeshauptstadt"
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert (
        "Mitzeichnende Stelle, ohne eigene Vertragspartei zu sein: Integrationsbeauftragte der Landeshauptstadt "
        "(Landeshauptstadt Dresden; im Folgenden: **Integrationsstelle**)" in agreement
    )
    assert (
        "Mitgezeichnet für die Integrationsstelle (Integrationsbeauftragte der Landeshauptstadt):"
        in agreement
    )
    assert agreement.count("Ort, Datum:") == 3
    assert "Sie erhält keine personenbezogenen Daten aus Einzelfällen." in agreement
    assert "Integrationsbeauftragte der Landeshauptstadt" in doc(CONTACTS)
    assert "mitgezeichnet von Integrationsbeauftragte der Landeshauptstadt" in doc("README.md")


def test_qualified_legal_advice(render: Render, dresden: Settings) -> None:
    dresden.advice_service.qualified_legal_advice = True
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert "Die Beratungsstelle erbringt Rechtsdienstleistungen unentgeltlich (§ 6 Abs. 1 RDG)." in agreement
    assert (
        "durch eine Person mit Befähigung zum Richteramt oder unter Anleitung einer solchen Person"
        in agreement
    )
    assert "(§ 6 Abs. 2 Satz 2 RDG)" in agreement
    assert "Die Beratung prüft auch Ihre rechtliche Lage." in doc(LETTER)

    dresden.advice_service.qualified_legal_advice = False
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert (
        "Die Beratungsstelle erbringt keine Rechtsdienstleistungen, also keine rechtliche Prüfung"
        in agreement
    )
    assert "Befähigung zum Richteramt" not in agreement
    assert "verweist für die rechtliche Prüfung an Rechtsanwältinnen und Rechtsanwälte" in agreement
    assert "eine Anwältin oder einen Anwalt zu finden" in doc(LETTER)


@pytest.mark.parametrize(
    ("cadence", "words"),
    [
        ("monatlich", "einmal im Monat"),
        ("vierteljährlich", "einmal im Vierteljahr"),
        ("jährlich", "einmal im Jahr"),
    ],
)
def test_reporting_cadence(render: Render, dresden: Settings, cadence: str, words: str) -> None:
    dresden.funder.reporting_cadence = cadence  # type: ignore[assignment]
    dresden.assumptions.marked = []  # agreed, not assumed: the sentence without the marker
    agreement = _squash(render(dresden)(AGREEMENT))
    assert f"Die Beratungsstelle erstellt {words} einen Bericht an den Fördergeber" in agreement


@pytest.mark.parametrize(
    ("cadence", "words"),
    [
        ("monatlich", "einmal im Monat"),
        ("halbjährlich", "einmal im Halbjahr"),
        ("jährlich", "einmal im Jahr"),
    ],
)
def test_meeting_cadence(render: Render, dresden: Settings, cadence: str, words: str) -> None:
    dresden.cooperation.meeting_cadence = cadence  # type: ignore[assignment]
    dresden.assumptions.marked = []  # agreed, not assumed: the sentence without the marker
    doc = render(dresden)
    assert f"Die Partner treffen sich {words} zu Verfahren" in _squash(doc(AGREEMENT))
    assert f"treffen sich {words} zum Austausch" in _squash(doc(MINUTES))


def test_response_days(render: Render, dresden: Settings) -> None:
    dresden.cooperation.response_days = 7
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert "Fallanfragen innerhalb von 7 Arbeitstagen" in agreement
    assert "Gelingt das nicht innerhalb von 7 Arbeitstagen" in agreement
    assert "innerhalb von 10 Arbeitstagen" not in agreement
    assert "innerhalb von 7 Arbeitstagen" in _squash(doc(REFERRAL))


def test_client_languages(render: Render, dresden: Settings) -> None:
    dresden.kit.client_languages = ["de", "ti", "so"]  # type: ignore[list-item]
    doc = render(dresden)
    assert "Übersetzungen in diese Sprachen bei: Tigrinya, Somali." in _squash(doc(AGREEMENT))
    assert "Diesen Brief gibt es auch in diesen Sprachen: Tigrinya, Somali." in doc(LETTER)

    dresden.kit.client_languages = ["de"]  # type: ignore[list-item]
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert (
        "Der Brief wird auf Deutsch versandt" in agreement
        and "Übersetzungen in diese Sprachen" not in agreement
    )
    assert "Diesen Brief gibt es auch" not in doc(LETTER)


def test_funder_name_and_period(render: Render, dresden: Settings) -> None:
    dresden.funder.name = "Stiftung Musterland"
    dresden.funder.period.start = dt.date(2027, 1, 1)
    dresden.funder.period.end = dt.date(2029, 12, 31)
    doc = render(dresden)
    agreement = _squash(doc(AGREEMENT))
    assert "Fördergeber: Stiftung Musterland;" in agreement
    assert "Förderzeitraum: 01.01.2027 bis 31.12.2029" in agreement
    assert "endet am 31.12.2029" in agreement
    assert "frühestens mit dem Förderbeginn am 01.01.2027" in agreement  # reference date 25.11.2026 is before
    assert "Fördergeber (Stiftung Musterland)" in agreement
    assert "Fachkräfteallianz der Region Dresden" not in agreement
    assert "Stiftung Musterland" in doc(CONTACTS) and "31.12.2029" in doc(CHECKLIST)


def test_parties_and_end_of_funding_soon(render: Render, dresden: Settings) -> None:
    agreement = _squash(render(dresden)(AGREEMENT))  # reference date 25.11.2026, funding ends 31.12.2026
    assert (
        "1. Die Landeshauptstadt Dresden als Rechtsträger der Ausländerbehörde, gesetzlich vertreten durch: "
        "Oberbürgermeisterin oder Oberbürgermeister (§ 51 Abs. 1 SächsGemO). Für die Landeshauptstadt Dresden "
        "führt die Ausländerbehörde der Landeshauptstadt Dresden die Vereinbarung aus" in agreement
    )
    assert "handelnd durch" not in agreement  # an office is not an organ
    assert "Ihr Modell „Perspektive Bleiberecht Dresden“" in agreement  # Dresden copies no one
    assert "die Beratung besteht seit dem 01.03.2024" in agreement
    assert "endet der Förderzeitraum in weniger als drei Monaten" in agreement
    dresden.funder.period.end = dt.date(2027, 2, 28)
    dresden.municipality.short_name = "Pirna"
    dresden.municipality.ags = None  # not the model's official key: the kit copies the model
    agreement = _squash(render(dresden)(AGREEMENT))
    assert "endet der Förderzeitraum in weniger als drei Monaten" not in agreement
    assert "Die Partner übernehmen dafür das Modell „Perspektive Bleiberecht Dresden“" in agreement


def test_reference_date_after_funding_period(render: Render, dresden: Settings) -> None:
    dresden.kit.reference_date = dt.date(2027, 2, 1)  # Dresden's period ends 31.12.2026
    agreement = _squash(render(dresden)(AGREEMENT))
    assert "liegt nach dem Ende des Förderzeitraums" in agreement
    assert "frühestens mit dem Förderbeginn" not in agreement


@pytest.mark.parametrize(
    ("reference", "present", "absent"),
    [
        (
            dt.date(2025, 6, 1),
            [
                "§ 104c (Chancen-Aufenthaltsrecht): Es kann nur noch bis zum 30.12.2025 erteilt werden",
                "den Antrag bis zum 30.12.2025 stellen können",
                "aber bis dahin nicht beschieden werden",
            ],
            ["30.06.2027", "nach Juli 2026", "Übergangsregelung zum Chancen-Aufenthaltsrecht"],
        ),
        (
            dt.date(2026, 3, 1),
            [
                "in §§ 25a und 25b gelten bis zum 30.06.2027",
                "Ungeklärt ist, wie über Anträge",
                "Die Partner legen sich hierauf in dieser Vereinbarung nicht fest",
            ],
            ["kann nur noch bis zum 30.12.2025 erteilt werden", "ausgelaufen", "nach Juli 2026"],
        ),
        (
            dt.date(2027, 8, 1),
            [
                "in §§ 25a und 25b sind am 30.06.2027 ausgelaufen",
                "Ungeklärt ist, wie über Anträge",
                "nach Juli 2026 verkündet wurden",
            ],
            ["kann nur noch bis zum 30.12.2025 erteilt werden", "gelten bis zum 30.06.2027"],
        ),
    ],
)
def test_reference_date_and_104c(
    render: Render, dresden: Settings, reference: dt.date, present: list[str], absent: list[str]
) -> None:
    dresden.kit.reference_date = reference
    agreement = _squash(render(dresden)(AGREEMENT))
    assert f"vom {reference:%d.%m.%Y} wieder" in agreement
    for text in present:
        assert text in agreement, text
    for text in absent:
        assert text not in agreement, text


def test_policy_anchor_and_indicators(render: Render, dresden: Settings) -> None:
    doc = render(dresden)
    assert "verankert in folgendem kommunalen Konzept: Aktionsplan Integration 2022–2026" in _squash(
        doc(AGREEMENT)
    )
    dresden.cooperation.policy_anchor = None
    dresden.funder.indicators[0].target = 150
    agreement = render(dresden)(AGREEMENT)
    assert "verankert" not in agreement
    assert "| Beratene Personen |" in agreement and "| 150 Personen |" in agreement
    assert "| Erteilungsquote |" in agreement


def test_settings_values_are_escaped(render: Render, dresden: Settings) -> None:
    dresden.cooperation.escalation_contact = "Amtsleitung *Ordnung* {{ 7*7 }} <b>x</b>"
    agreement = render(dresden)(AGREEMENT)
    assert "Amtsleitung \\*Ordnung\\* {{ 7\\*7 }} \\<b\\>x\\</b\\>" in agreement


# --- every document of every example kit -------------------------------------------------------------------

LEFTOVERS = ["{{", "{%", "{#", "TODO", "[Name]"]
EMPTY_PLACES = {
    "word None": re.compile(r"\bNone\b"),
    "xxx": re.compile(r"xxx", re.I),
    "empty brackets": re.compile(r"\(\s*\)|„\s*“"),
    "space before punctuation": re.compile(r"(?<![_\s|]) +[,;.:](?=\s|$)"),
    "doubled punctuation": re.compile(r"[,;:]\s*[,;:.]"),
    "doubled full stop (a value ending in a full stop, e.g. e.V.)": re.compile(r"(?<!\.)\.\.(?!\.)"),
    "trailing space after colon": re.compile(r":[ \t]+$", re.M),
    "empty table cell": re.compile(r"\|[ \t]*\|(?![-:|])"),
    "dangling preposition": re.compile(r"\b(?:von|vom|bis|zum|zur|am|für)\s*[.,;)]"),
    "empty bold": re.compile(r"\*\*\s*\*\*"),
    "missing date in a range": re.compile(r"\bvom\s+bis\b|\bam\s+(?:und|bis)\b"),
}


@pytest.fixture(scope="module")
def example_kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    kits = {}
    for name in EXAMPLES:
        dest = tmp_path_factory.mktemp("examples") / name.split(".")[0]
        render_template(example_settings(name), dest)
        kits[name] = dest
    return kits


def test_examples_are_found() -> None:
    assert {"dresden.toml", "landkreis-mittelsachsen.yaml", "leipzig.toml"} <= set(EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES)
def test_no_leftovers_or_empty_places(example_kits: dict[str, Path], example: str) -> None:
    kit = example_kits[example]
    documents = sorted(kit.rglob("*.md"))
    names = {p.relative_to(kit).as_posix() for p in documents}
    assert set(NEW_DOCUMENTS) <= names
    for path in documents:
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(kit).as_posix()
        assert text.startswith("# "), f"{name}: does not start with a level-1 heading"
        for leftover in LEFTOVERS:
            assert leftover not in text, f"{name}: contains {leftover!r}"
        body = text.replace("`", "")
        for what, pattern in EMPTY_PLACES.items():
            found = pattern.search(body)
            assert not found, f"{name}: {what}: {body[max(0, found.start() - 40) : found.end() + 40]!r}"


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_form_has_write_in_lines_and_check_boxes(example_kits: dict[str, Path], example: str) -> None:
    kit = example_kits[example]
    for name in (
        REFERRAL,
        MINUTES,
        "datenschutz/einwilligung.md",
        "datenschutz/schweigepflichtentbindung.md",
    ):
        text = (kit / name).read_text(encoding="utf-8")
        assert "- [ ] " in text and "__________" in text, name


@pytest.mark.parametrize(
    "bad",
    [
        "Fördergeber ist , Programm",
        "Kontakt: \nweiter",
        "Verankerung ( ).",
        "Projekt „“ startet",
        "Stand None",
        "Förderzeitraum vom bis zum 31.12.2026",
        "| Zeile | |\n",
        "Ansprechstelle: , Tel. 0351",
    ],
)
def test_empty_place_patterns_catch_gaps(bad: str) -> None:
    assert any(pattern.search(bad) for pattern in EMPTY_PLACES.values()), bad
