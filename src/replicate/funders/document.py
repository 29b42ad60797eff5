"""The reporting calendar of a kit (``berichtswesen/berichtskalender.md``), from the programme and settings."""

from __future__ import annotations

from pathlib import Path

from replicate.forms.mdtext import escape
from replicate.funders.calendar import obligations
from replicate.funders.catalog import PROGRAMMES, sachbericht_rules
from replicate.settings import Settings


def calendar_markdown(settings: Settings) -> str:
    """Every report owed for the grant period, dated, with its legal basis, in German Markdown."""
    f = settings.funder
    programme = PROGRAMMES.get(f.programme_key or "")
    rules = sachbericht_rules(f.programme_key)
    items = obligations(f.period.start, f.period.end, f.reporting_cadence, f.programme_key)
    lines = [
        f"# Berichtskalender: {escape(settings.advice_service.project_name)}",
        "",
        f"Fördergeber: {escape(f.name)}. Förderprogramm: {escape(programme.name if programme else f.programme)}. "
        f"Förderzeitraum: {f.period.start:%d.%m.%Y} bis {f.period.end:%d.%m.%Y}. Berichtsrhythmus laut Einstellungen: "
        f"{f.reporting_cadence}{settings.assumptions.note('funder.reporting_cadence')}.",
        "",
    ]
    if programme:
        lines += [
            f"Die Fristen des Programms stammen aus der Richtlinie ({escape(programme.version)}); Quelle: "
            f"{escape(programme.source)}, gelesen am {programme.checked:%d.%m.%Y}. Prüfen Sie die geltende Fassung "
            "und den Zuwendungsbescheid: Der Bescheid kann Fristen genauer bestimmen.",
            "",
        ]
    else:
        lines += [
            "Dieses Förderprogramm ist nicht im Katalog von replicate. Die Berichte folgen deshalb dem Berichtsrhythmus "
            "der Einstellungen; die Fristen bestimmen der Zuwendungsbescheid oder die Absprache mit dem Fördergeber.",
            "",
        ]
    lines += ["| Bericht | Berichtszeitraum | Frist | Grundlage |", "|---|---|---|---|"]
    for item in items:
        due = f"{item.due:%d.%m.%Y}" if item.due else escape(item.due_text)
        lines.append(
            f"| {escape(item.label)} | {item.start:%d.%m.%Y} bis {item.end:%d.%m.%Y} | {due} | {escape(item.source)} |"
        )
    lines.append("")
    if programme and programme.notes:
        lines += ["## Hinweise zum Programm", "", *(f"- {escape(note)}" for note in programme.notes), ""]
    lines += [
        "## Was ein Sachbericht enthält",
        "",
        *(f"- {escape(item)}" for item in rules.content),
        "",
        "Mit dem Verwendungsnachweis bestätigt der Zuwendungsempfänger:",
        "",
        *(f"- {escape(item)}" for item in rules.confirmations),
        "",
        f"Grundlage: {escape(rules.source)}.",
        "",
        "Den Entwurf des Sachberichts, einen Kurzbericht für Rat oder Integrationsbeirat und die Kennzahlen-Tabellen "
        "erzeugt replicate aus der pseudonymen Fallliste der Beratungsstelle (Befehl „replicate report“); kleine "
        "Zahlen sind darin nach dem Kennzahlen-Handbuch geschützt.",
        "",
    ]
    return "\n".join(lines)


def write_calendar(settings: Settings, kit_dir: Path) -> Path:
    """Write ``berichtswesen/berichtskalender.md`` into a kit being built."""
    folder = kit_dir / "berichtswesen"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "berichtskalender.md"
    path.write_text(calendar_markdown(settings), encoding="utf-8")
    return path
