"""Every example kit has the dated plan, the calendar (parsed back) and the launch documents with real
content from its settings; the documents name the right bodies, sums and dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest

from replicate.forms import write_forms
from replicate.kit.build import render_template
from replicate.kit.generated import write_rules
from replicate.launch import schedule_for, write_launch
from replicate.settings import Settings, load_settings

from ..kit.test_agreement import EMPTY_PLACES, LEFTOVERS
from .helpers import ROOT, write_settings

EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if p.suffix in {".toml", ".yaml", ".yml"})
START = [
    "startplan",
    "beschlussvorlage",
    "finanzierungsplan",
    "foerderantrag",
    "stellenprofil",
    "verstetigung-exitplan",
    "handreichung-behoerde",
    "evaluationskonzept",
    "pressemitteilung",
    "flyer-verweisende",
]
INTERNAL = re.compile(
    r"\b[a-z]+_[a-z_]+\b|\.md\b|\blaunch\.|\bfinancing\.|fachkraefteallianz|integrative_massnahmen|"
    r"\b(?:bedarf|partner|beschluss|finanzierung|personal|verstetigung)\.[a-z]+"
)
Build = Callable[[Settings], Path]


def _settings(path: Path, reference: str = "2026-11-25") -> Settings:
    mp = pytest.MonkeyPatch()
    try:
        mp.setenv("REPLICATE_KIT__REFERENCE_DATE", reference)
        return load_settings(path)
    finally:
        mp.undo()


@pytest.fixture
def build(tmp_path: Path) -> Build:
    counter = iter(range(100))

    def _build(settings: Settings) -> Path:
        dest = tmp_path / f"kit{next(counter)}"
        _render(settings, dest)
        return dest

    return _build


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Settings, Path]]:
    result = {}
    for name in EXAMPLES:
        settings = _settings(ROOT / "examples" / name)
        dest = tmp_path_factory.mktemp("start") / name.split(".")[0]
        _render(settings, dest)
        result[name] = (settings, dest)
    return result


def _render(settings: Settings, dest: Path) -> None:
    """The Markdown of a kit as `replicate new` writes it, without the output formats."""
    render_template(settings, dest)
    write_rules(settings, dest)
    write_forms(settings, dest)
    write_launch(settings, dest)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_has_the_launch_documents(kits: dict, example: str) -> None:
    settings, kit = kits[example]
    for name in START:
        path = kit / "start" / f"{name}.md"
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), name
        assert len(text) > 1200, f"{name}: too short to be a real document"
        for leftover in LEFTOVERS:
            assert leftover not in text, f"{name}: {leftover!r}"
        links_removed = re.sub(r"\]\([^)]*\)", "]", text)  # link targets are file names by nature
        links_removed = re.sub(r"https?://\S+", "", links_removed)  # sources are cited with their address
        body = links_removed.replace("`", "")
        for what, pattern in EMPTY_PLACES.items():
            found = pattern.search(body)
            assert not found, f"{name}: {what}: {body[max(0, found.start() - 40) : found.end() + 40]!r}"
        internal = INTERNAL.search(links_removed)
        assert not internal, f"{name}: internal identifier {internal.group(0)!r}"
        assert settings.advice_service.project_name in _squash(text).replace("\\", ""), name


@pytest.mark.parametrize("example", EXAMPLES)
def test_calendar_parses_back(kits: dict, example: str) -> None:
    settings, kit = kits[example]
    raw = (kit / "start" / "startplan.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    schedule = schedule_for(settings)
    open_dated = [s for s in schedule.steps if s.date and not s.done]
    assert len(events) == len(open_dated) > 0
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    stamp = dt.datetime.combine(settings.kit.reference_date, dt.time(), tzinfo=dt.UTC)
    for event, item in zip(events, open_dated, strict=True):
        start = event.decoded("DTSTART")
        assert type(start) is dt.date, "all-day events only"
        assert start == item.date
        assert event.decoded("DTEND") == item.date + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == stamp
        assert item.title in str(event["SUMMARY"])
        assert "Verantwortlich:" in str(event["DESCRIPTION"])


def test_calendar_and_plan_are_byte_identical_and_uids_stable(build: Build) -> None:
    settings = _settings(ROOT / "examples" / "landkreis-mittelsachsen.yaml")
    first, second = build(settings), build(settings)
    for name in ("startplan.ics", "startplan.md", "finanzierungsplan.md"):
        assert (first / "start" / name).read_bytes() == (second / "start" / name).read_bytes(), name
    later = _settings(ROOT / "examples" / "landkreis-mittelsachsen.yaml", "2026-12-20")
    third = build(later)
    uids = lambda kit: {  # noqa: E731
        str(e["UID"])
        for e in icalendar.Calendar.from_ical((kit / "start" / "startplan.ics").read_bytes()).walk("VEVENT")
    }
    assert uids(first) == uids(third), "a later build must update the same events, not add new ones"


def test_plan_prints_conflicts_and_missing_dates(kits: dict) -> None:
    _, kit = kits["landkreis-mittelsachsen.yaml"]
    plan = _squash((kit / "start" / "startplan.md").read_text(encoding="utf-8"))
    # 01.01.2027 - 120 days = 03.09.2026, before the reference date 25.11.2026
    assert (
        "Kofinanzierung der Kommune zum Haushaltsentwurf anmelden**: Der Termin 03.09.2026 liegt vor dem Stand"
        in plan
    )
    # no known FRL IM deadline after 25.11.2026: the step stays undated and names the last known one
    assert "**ohne Termin**: Förderantrag einreichen" in plan
    assert "31.07.2025" in plan and "ist verstrichen" in plan
    assert "| Sitzung des Kreistags | 03.02.2027 |" in plan
    assert "- [x]" in plan and "### Bedarfsanalyse (erledigt)" in plan
    assert (
        "| Phase | 2. Hj. 2026 |" in plan
    )  # the Gantt table, half-years for a span of more than ten quarters


def test_decision_template_names_the_council_of_each_kind(build: Build, tmp_path: Path) -> None:
    cases = {
        "Landkreis": ("Kreistag", "Landrätin oder der Landrat"),
        "kreisfreie Stadt": ("Stadtrat", "Oberbürgermeisterin oder der Oberbürgermeister"),
        "Gemeinde": ("Gemeinderat", "Bürgermeisterin oder der Bürgermeister"),
    }
    for kind, (council, head) in cases.items():
        folder = tmp_path / kind.replace(" ", "-")
        folder.mkdir()
        settings = _settings(
            write_settings(folder, "landkreis-mittelsachsen.yaml", {"municipality.kind": kind}, "2026-11-25")
        )
        text = _squash((build(settings) / "start" / "beschlussvorlage.md").read_text(encoding="utf-8"))
        assert f"Der {council} beschließt" in text, kind
        assert f"{head} wird beauftragt" in text, kind
        for other in {"Kreistag", "Stadtrat", "Gemeinderat"} - {council}:
            assert f"Beschluss im {other}" not in text and f"dem {other}" not in text, (kind, other)


def test_financing_reaches_decision_plan_application_and_agreement(kits: dict) -> None:
    _, kit = kits["landkreis-mittelsachsen.yaml"]
    read = lambda name: _squash((kit / name).read_text(encoding="utf-8"))  # noqa: E731
    plan = read("start/finanzierungsplan.md")
    # by hand: (68.000 + 32.000 + 6.000 + 4.800 + 3.200) x 2 years = 228.000; 145.000 / 228.000 = 63,6 %
    assert "| **Gesamtausgaben** | **114.000,00 €** | **114.000,00 €** | **228.000,00 €** |" in plan
    assert "145.000,00 € | 63,6 %" in plan
    assert "Der Fördersatz dieses Plans beträgt 63,6 % und hält den Höchstsatz ein" in plan
    assert "spätestens am 31.03.2029" in plan  # FRL IM: three months after 31.12.2028
    decision = read("start/beschlussvorlage.md")
    assert (
        "Kofinanzierung stellt die Kommune (Landkreis Mittelsachsen) im Förderzeitraum insgesamt 71.600,00 €"
        in decision
    )
    application = read("start/foerderantrag.md")
    assert "145.000,00 € (63,6 % der Gesamtausgaben von 228.000,00 €)" in application
    assert "bis 31.01. des Folgejahres" in application  # FRL IM Teil 1 V Nr. 2
    agreement = read("vereinbarung/kooperationsvereinbarung.md")
    assert "Kofinanzierung von 71.600 €" in agreement
    assert "und keine Zahlungspflichten zwischen den Partnern" not in agreement
    assert (
        "31.03.2027, 30.06.2027, 30.09.2027, 31.12.2027, 31.03.2028, 30.06.2028, 30.09.2028, 31.12.2028"
        in agreement
    )


def test_agreement_without_cofinancing_keeps_no_payment_clause(kits: dict) -> None:
    _, kit = kits["dresden.toml"]
    agreement = _squash((kit / "vereinbarung" / "kooperationsvereinbarung.md").read_text(encoding="utf-8"))
    assert "und keine Zahlungspflichten zwischen den Partnern" in agreement
    # half-yearly from 01.03.2024 (§ 188 Abs. 2 BGB); Verwendungsnachweis three months after 31.12.2026
    assert "31.08.2024, 28.02.2025, 31.08.2025, 28.02.2026, 31.08.2026, 31.12.2026" in agreement
    assert "Der Verwendungsnachweis ist bis zum 31.03.2027 einzureichen" in agreement
    plan = _squash((kit / "start" / "finanzierungsplan.md").read_text(encoding="utf-8"))
    assert "noch nicht möglich, weil die Ausgaben nicht eingetragen sind" in plan  # unknown, not zero
    assert (
        "Zwischennachweis ist nach der Hälfte der Laufzeit fällig, also zum 01.08.2025" in plan
    )  # 34 > 14 months


def test_template_has_no_month_arithmetic() -> None:
    agreement = (ROOT / "template" / "kit" / "vereinbarung" / "kooperationsvereinbarung.md.jinja").read_text(
        encoding="utf-8"
    )
    assert "end_month" not in agreement and "% 12" not in agreement


def test_a_service_without_legal_qualification_is_told_the_rdg_routes(build: Build, tmp_path: Path) -> None:
    settings = _settings(ROOT / "examples" / "landkreis-mittelsachsen.yaml")  # qualified_legal_advice = false
    text = _squash((build(settings) / "start" / "stellenprofil.md").read_text(encoding="utf-8"))
    assert "§ 8 Abs. 1 Nr. 5 RDG" in text and "§ 6 Abs. 2 RDG" in text
    assert "darf die Stelle keine Einzelfälle rechtlich bewerten" in text
    assert "| Beratung zum Bleiberecht | AVR DD EG 9 | 1 Vollzeitäquivalent |" in text


def test_a_municipal_grant_is_named_in_the_decision(kits: dict) -> None:
    _, kit = kits["leipzig.toml"]  # the city itself funds the project (programme_kind "kommunal")
    decision = _squash((kit / "start" / "beschlussvorlage.md").read_text(encoding="utf-8"))
    # the grant is the funder's amount (210.000 €) when the financing section does not repeat it
    assert (
        "Die Kommune (Stadt Leipzig) fördert das Projekt durch eine Zuwendung an den Träger von insgesamt 210.000,00 €"
        in decision
    )
    assert "Vorbehalt der Haushaltssatzung" in decision
    agreement = _squash((kit / "vereinbarung" / "kooperationsvereinbarung.md").read_text(encoding="utf-8"))
    assert "richtet sich allein nach dem Zuwendungsbescheid" in agreement


def test_a_kit_outside_saxony_names_no_saxon_law(kits: dict) -> None:
    """The playbook is Land-neutral: a Kreis in North Rhine-Westphalia gets no Saxon budget code."""
    _, kit = kits["kreis-mettmann.yaml"]
    for path in sorted((kit / "start").glob("*.md")):
        text = _squash(path.read_text(encoding="utf-8"))
        for saxon in ("SäHO", "Sachsen", "Sächsische Haushaltsordnung"):
            assert saxon not in text, f"{path.name}: {saxon}"
