"""Values the settings mark as assumed are said to be assumptions wherever a document prints them, and the
checklist lists them; unmarked values carry no marker. Built for a church-run service in a Landkreis
(Caritas, Landkreis Görlitz) with values unlike the Dresden example, and for Dresden itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.funders.document import calendar_markdown
from replicate.kit.build import render_sources
from replicate.settings import Settings
from replicate.settings.assumptions import ASSUMABLE, MARKER, MARKER_WORDS
from tests.kit.conftest import example_settings

WORDS = MARKER_WORDS
# How each markable value is printed for the settings of ``_goerlitz``: text that only that value produces.
NEEDLES = {
    "cooperation.meeting_cadence": ["einmal im Vierteljahr"],
    "cooperation.response_days": ["17 Arbeitstag"],
    "advice_service.staff_fte": ["1,75 Vollzeitstellen"],
    "funder.reporting_cadence": [
        "einmal im Halbjahr",
        "„halbjährlich“",
        "Bericht an den Fördergeber zum Stichtag",
    ],
}
# Documents that must print each value (so that the check below cannot pass on an empty kit).
PRINTED_IN = {
    "cooperation.meeting_cadence": {
        "kooperationsvereinbarung.md",
        "projektsteckbrief.md",
        "handreichung-behoerde.md",
    },
    "cooperation.response_days": {
        "kooperationsvereinbarung.md",
        "anlage-2-verweisungsbogen.md",
        "praxisprofil.md",
    },
    "advice_service.staff_fte": {"projektsteckbrief.md", "beschlussvorlage.md", "foerderantrag.md"},
    "funder.reporting_cadence": {
        "kooperationsvereinbarung.md",
        "verarbeitungsverzeichnis.md",
        "evaluationskonzept.md",
    },
}


def _goerlitz(marked: list[str]) -> Settings:
    base = example_settings("landkreis-goerlitz-caritas.toml")
    return base.model_copy(
        update={
            "advice_service": base.advice_service.model_copy(update={"staff_fte": 1.75}),
            "cooperation": base.cooperation.model_copy(
                update={"meeting_cadence": "vierteljährlich", "response_days": 17}
            ),
            "funder": base.funder.model_copy(update={"reporting_cadence": "halbjährlich"}),
            "assumptions": base.assumptions.model_copy(update={"marked": marked}),
        }
    )


def _markdown(settings: Settings, folder: Path) -> dict[str, list[str]]:
    render_sources(settings, folder)
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8").splitlines()
        for p in sorted(folder.rglob("*.md"))
    }


@pytest.fixture(scope="module")
def marked_kit(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return _markdown(_goerlitz(list(ASSUMABLE)), tmp_path_factory.mktemp("assumed") / "kit")


@pytest.fixture(scope="module")
def unmarked_kit(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    return _markdown(_goerlitz([]), tmp_path_factory.mktemp("agreed") / "kit")


def _printing(kit: dict[str, list[str]], key: str) -> list[tuple[str, str]]:
    return [
        (name, line) for name, lines in kit.items() for line in lines if any(n in line for n in NEEDLES[key])
    ]


@pytest.mark.parametrize("key", list(ASSUMABLE))
def test_marked_value_is_called_an_assumption_wherever_printed(
    marked_kit: dict[str, list[str]], key: str
) -> None:
    printing = _printing(marked_kit, key)
    documents = {name.rsplit("/", 1)[-1] for name, _ in printing}
    assert PRINTED_IN[key] <= documents, f"{key}: not printed in {PRINTED_IN[key] - documents}"
    unmarked = [(name, line) for name, line in printing if WORDS not in line]
    assert not unmarked, f"{key} printed without the marker: {unmarked}"


@pytest.mark.parametrize("key", list(ASSUMABLE))
def test_unmarked_value_has_no_marker(unmarked_kit: dict[str, list[str]], key: str) -> None:
    printing = _printing(unmarked_kit, key)
    assert {name.rsplit("/", 1)[-1] for name, _ in printing} >= PRINTED_IN[key]
    assert not [line for _, line in printing if WORDS in line]


def test_no_marker_anywhere_when_nothing_is_assumed(unmarked_kit: dict[str, list[str]]) -> None:
    for name, lines in unmarked_kit.items():
        assert not [line for line in lines if "Annahme, noch nicht" in line], name
    checklist = "\n".join(unmarked_kit["projekt/lokalisierung-checkliste.md"])
    assert "## Annahmen" not in checklist


def test_only_the_marked_value_is_marked(tmp_path: Path) -> None:
    kit = _markdown(_goerlitz(["cooperation.meeting_cadence"]), tmp_path / "kit")
    assert not [line for _, line in _printing(kit, "cooperation.meeting_cadence") if WORDS not in line]
    for other in ("cooperation.response_days", "advice_service.staff_fte", "funder.reporting_cadence"):
        assert not [line for _, line in _printing(kit, other) if WORDS in line], other


def test_checklist_lists_every_assumed_value(marked_kit: dict[str, list[str]]) -> None:
    checklist = marked_kit["projekt/lokalisierung-checkliste.md"]
    section = checklist[checklist.index("## Annahmen: vor der Unterzeichnung zu vereinbaren") :]
    section = section[: next(i for i, line in enumerate(section[1:], 1) if line.startswith("## "))]
    items = [line for line in section if line.startswith("- [ ] ")]
    assert items == [
        f"- [ ] Turnus der Austauschtreffen: einmal im Vierteljahr{MARKER}.",
        f"- [ ] Antwortfrist für Fallanfragen: 17 Arbeitstage{MARKER}.",
        f"- [ ] Stellenumfang der Beratung: 1,75 Vollzeitstellen{MARKER}.",
        f"- [ ] Berichtsrhythmus gegenüber dem Fördergeber: einmal im Halbjahr{MARKER}.",
    ]
    for key, label in ASSUMABLE.items():
        assert any(item.startswith(f"- [ ] {label}: ") for item in items), key


def test_reporting_calendar_marks_an_assumed_cadence() -> None:
    assert f"Berichtsrhythmus laut Einstellungen: halbjährlich{MARKER}." in calendar_markdown(
        _goerlitz(["funder.reporting_cadence"])
    )
    assert "Annahme" not in calendar_markdown(_goerlitz([]))


def test_dresden_marks_what_the_model_does_not_document(tmp_path: Path) -> None:
    """Documented facts of the model (dresden-model.md) stay unmarked; the undocumented ones are marked."""
    settings = example_settings("dresden.toml")
    assert set(settings.assumptions.marked) == set(ASSUMABLE)
    kit = _markdown(settings, tmp_path / "kit")
    steckbrief = " ".join(kit["projekt/projektsteckbrief.md"])
    assert f"| Personal | 2 Vollzeitstellen{MARKER} in der Beratung |" in steckbrief
    assert f"treffen sich einmal im Monat{MARKER} zum Austausch" in steckbrief
    assert "Förderzeitraum reicht vom 01.03.2024 bis zum 31.12.2026." in steckbrief
    assert "Landeshauptstadt Dresden" in steckbrief and "Sächsischer Flüchtlingsrat e.V." in steckbrief
