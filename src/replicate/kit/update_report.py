"""The update report: what ``replicate update`` did to a kit and what changed in the law (German, MD + HTML)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from replicate.forms.mdtext import escape
from replicate.kit.documents import document_title
from replicate.rules import load_rules
from replicate.rules.diff import render_diff, rules_diff
from replicate.rules.law import law_status
from replicate.settings import Settings

if TYPE_CHECKING:
    from replicate.kit.update import UpdateResult


def _entry(kit_dir: Path, relative: str) -> str:
    path = kit_dir / relative
    title = ""
    if path.suffix == ".md" and path.is_file():
        title = document_title(path.read_text(encoding="utf-8"), "")
    name = f"Datei {escape(relative)}"
    return f"- {escape(title)} ({name})" if title else f"- {name}"


def report_markdown(kit_dir: Path, settings: Settings, result: UpdateResult) -> str:
    """The report text; the file lists name each document by its title and its file in the kit."""
    old, new = result.old_date, result.new_date
    law = law_status()
    lines = [
        f"# Aktualisierung des Kits „{escape(settings.advice_service.project_name)}“",
        "",
        f"Stand der Rechtslage bisher: {old:%d.%m.%Y}; jetzt: {new:%d.%m.%Y}."
        if old
        else f"Stand der Rechtslage jetzt: {new:%d.%m.%Y}.",
        f"Die Regeldaten sind gegen den Gesetzestext geprüft bis {law.checked_until:%d.%m.%Y}"
        + (
            "; spätere Gesetzesänderungen sind darin nicht berücksichtigt."
            if new > law.checked_until
            else "."
        ),
        "",
    ]
    sections = [
        (
            "Konflikte: bitte entscheiden",
            result.conflicts,
            "Hier haben Sie und die neue Vorlage dieselben Zeilen geändert. In der Datei stehen beide "
            "Fassungen zwischen den Zeilen „<<<<<<< Ihre Fassung“, „=======“ und „>>>>>>> Neue Vorlage“. "
            "Behalten Sie die richtige Fassung, löschen Sie die Markierungszeilen und starten Sie die "
            "Aktualisierung erneut; erst dann werden Word-, LibreOffice-, PDF- und Web-Fassung neu erzeugt.",
        ),
        ("Ihre Änderungen übernommen und mit der neuen Fassung zusammengeführt", result.merged, ""),
        ("Durch die neue Fassung ersetzt (ohne örtliche Änderungen)", result.updated, ""),
        ("Neu hinzugekommen", result.added, ""),
        (
            "Von Hand geänderte Dateien, unverändert behalten",
            result.kept,
            "Diese Dateien wurden nach dem Bau direkt bearbeitet und deshalb nicht überschrieben. Prüfen "
            "Sie, ob sie zur neuen Fassung ihres Dokuments passen.",
        ),
        (
            "Ihre Fassung behalten, die neue Fassung liegt daneben",
            result.beside,
            "Das Kit stammt von einer früheren Fassung von replicate, die keine Ausgangsfassung speicherte; "
            "diese Dokumente ließen sich deshalb nicht zeilenweise zusammenführen. Ihre Fassung gilt weiter; "
            "die neue Fassung liegt unter aktualisierung/neu/ mit demselben Pfad. Übernehmen Sie, was Sie "
            "brauchen.",
        ),
        ("Von Ihnen gelöscht, bleibt gelöscht", result.deleted, ""),
        ("In der neuen Fassung nicht mehr enthalten", result.dropped, ""),
    ]
    for title, files, explanation in sections:
        if not files:
            continue
        lines += [f"## {title}", ""]
        if explanation:
            lines += [escape(explanation), ""]
        lines += [_entry(kit_dir, f) for f in files] + [""]
    if not any(files for _, files, _ in sections):
        lines += ["Kein Dokument hat sich geändert.", ""]
    lines += ["## Was sich an den Prüfregeln geändert hat", ""]
    if old is None:
        lines += ["Der bisherige Stichtag ist nicht bekannt; die Prüfregeln gelten zum neuen Stichtag.", ""]
    else:
        diff = render_diff(rules_diff(load_rules(), old, new), old, new, markdown=True)
        lines += [diff.rstrip("\n"), ""]
        if result.rules_changed:
            lines += [
                "Außerdem wurden die Regeldaten selbst überarbeitet (nicht nur der Stichtag). Vergleichen Sie "
                "das neue Prüfschema im Ordner regeln mit der bisherigen Fassung; das Änderungsprotokoll von "
                "replicate nennt, was sich geändert hat.",
                "",
            ]
        lines += [
            "Lesen Sie die genannten Vorschriften nach, bevor Sie die aktualisierten Dokumente verwenden. "
            "Die Prüfregeln unterstützen die Beratung durch qualifizierte Fachkräfte und ersetzen keine "
            "Rechtsberatung im Einzelfall.",
            "",
        ]
    lines += [f"Quelle des Rechtsstands: {escape(law.source)}", ""]
    for note in result.notes:
        lines += [escape(note), ""]
    return "\n".join(lines)


def write_report(kit_dir: Path, folder: str, settings: Settings, result: UpdateResult) -> Path:
    """Write ``<folder>/stand-JJJJ-MM-TT.md`` and ``.html`` into the kit; return the Markdown path."""
    from replicate import render

    relative = Path(folder) / f"stand-{result.new_date.isoformat()}.md"
    target = kit_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    markdown = report_markdown(kit_dir, settings, result)
    target.write_text(markdown, encoding="utf-8")
    meta = render.DocMeta(
        title=document_title(markdown, "Aktualisierung"),
        footer=f"{settings.advice_service.project_name} · Stand der Rechtslage {result.new_date:%d.%m.%Y}",
        date=result.new_date,
    )
    render.render_markdown(
        markdown, target.with_suffix(""), ["html"], meta, nav='<a href="../index.html">Übersicht des Kits</a>'
    )
    return relative
