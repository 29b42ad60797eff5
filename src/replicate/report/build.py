"""``build_report``: caseload + settings + period → a folder with the protected report in every format.

Everything is written into a staging folder next to the destination and moved into place at the end, so
a failure never leaves a half-written report and never damages an earlier one.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from replicate.errors import Problem, ReportError
from replicate.funders.calendar import Obligation, next_due, obligations
from replicate.kit.destination import move_into_place, staging_dir
from replicate.render import DocMeta
from replicate.report.aggregate import Aggregates, ReportPeriod, aggregate_file
from replicate.report.charts import bar_chart, chart_rows
from replicate.report.content import build_content
from replicate.report.documents import CHARTS, kurzbericht, sachbericht
from replicate.report.output import write_document
from replicate.report.sheets import write_ods, write_xlsx
from replicate.settings import Settings

Progress = Callable[[str, int], None]
"""Called as ``progress(step, rows_done)`` while the report is built."""

MARKER = "bericht.json"
"""Every report folder holds this file; only such a folder is replaced by a new report."""


@dataclass
class ReportResult:
    """What :func:`build_report` produced."""

    dest: Path
    report: Obligation
    rows: int
    counted: int
    left_out: int
    synthetic: bool
    problems: list[Problem] = field(default_factory=list)
    """Problems of the rows left out (for the adviser; never written into the report)."""
    files: list[Path] = field(default_factory=list)


def choose_period(settings: Settings, period: tuple[dt.date, dt.date] | None, today: dt.date) -> Obligation:
    """The report to build: the given period (named after a matching obligation) or the one due next."""
    f = settings.funder
    due = obligations(f.period.start, f.period.end, f.reporting_cadence, f.programme_key)
    if period is None:
        return next_due(due, today)
    start, end = period
    if end < start:
        raise ReportError(
            f"Berichtszeitraum: das Ende ({end:%d.%m.%Y}) liegt vor dem Beginn ({start:%d.%m.%Y})."
        )
    for item in due:
        if (item.start, item.end) == (start, end):
            return item
    return Obligation(
        "Bericht",
        start,
        end,
        None,
        "Frist laut Zuwendungsbescheid oder Absprache mit dem Fördergeber",
        "frei gewählter Berichtszeitraum",
    )


def _check_destination(dest: Path) -> None:
    if dest.exists() and not dest.is_dir():
        raise ReportError(f"{dest}: ist eine Datei, kein Ordner. Wählen Sie einen anderen Zielordner.")
    if dest.is_dir() and any(dest.iterdir()) and not (dest / MARKER).is_file():
        raise ReportError(
            f"{dest}: der Ordner ist nicht leer und enthält keinen früheren Bericht ({MARKER}). "
            "Wählen Sie einen neuen Ordner; ein früherer Bericht wird dagegen ersetzt."
        )


def _refuse(path: Path, agg: Aggregates, why: str) -> ReportError:
    listed = "\n".join(p.render(path) for p in agg.problems[:20])
    more = f"\n… und weitere ({agg.bad_rows} fehlerhafte Fälle insgesamt)" if agg.bad_rows > 20 else ""
    return ReportError(f"{why}\n{listed}{more}")


def build_report(
    settings: Settings,
    caseload: Path,
    dest: Path,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    today: dt.date,
    strict: bool = False,
    progress: Progress | None = None,
) -> ReportResult:
    """Count ``caseload`` for the chosen period and write the protected report into ``dest``."""
    dest = Path(dest)
    _check_destination(dest)
    report = choose_period(settings, period, today)
    agg = aggregate_file(
        caseload,
        ReportPeriod(report.start, report.end),
        (lambda n: progress("Fälle gezählt", n)) if progress else None,
    )
    counted = agg.rows - agg.bad_rows
    if counted == 0:
        raise _refuse(
            caseload, agg, f"{caseload}: kein Fall konnte gezählt werden; es wurde nichts geschrieben."
        )
    if strict and agg.bad_rows:
        raise _refuse(
            caseload,
            agg,
            f"{caseload}: {agg.bad_rows} fehlerhafte Fälle und --strict; es wurde nichts geschrieben.",
        )
    content = build_content(settings, agg, report, source_name=caseload.name)
    stage = staging_dir(dest)
    try:
        folder = stage / "bericht"
        _write(settings, content, folder, report, progress)
        files = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
        move_into_place(folder, dest)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return ReportResult(
        dest, report, agg.rows, counted, agg.bad_rows, content["synthetic"], agg.problems, files
    )


def _write(
    settings: Settings,
    content: dict[str, object],
    folder: Path,
    report: Obligation,
    progress: Progress | None,
) -> None:
    charts = folder / "diagramme"
    charts.mkdir(parents=True)
    (folder / MARKER).write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for table in content["tables"]:  # type: ignore[attr-defined]
        if table["id"] in CHARTS:
            svg = bar_chart(CHARTS[table["id"]], table["title"], table["unit"], chart_rows(table))
            (charts / f"{CHARTS[table['id']]}.svg").write_text(svg, encoding="utf-8")
    formats: list[str] = list(settings.kit.formats)
    footer = f"{settings.advice_service.project_name} · Berichtszeitraum {report.start:%d.%m.%Y} bis {report.end:%d.%m.%Y}"
    if content["synthetic"]:
        footer = f"SYNTHETISCHE BEISPIELDATEN · {footer}"
    documents = [
        ("sachbericht", "Sachbericht (Entwurf)", sachbericht(content, settings)),
        ("kurzbericht", "Kurzbericht", kurzbericht(content, settings)),
    ]
    for number, (name, title, markdown) in enumerate(documents, start=1):
        if progress:
            progress(f"Dokument {name}", number)
        meta = DocMeta(
            title=f"{title}: {settings.advice_service.project_name}",
            footer=footer,
            date=report.end,
            logo=settings.kit.logo,
            reference_docx=settings.kit.reference_docx,
        )
        write_document(markdown, folder / name, formats, meta)
    (folder / "kennzahlen.ods").write_bytes(write_ods(content, report.end))
    (folder / "kennzahlen.xlsx").write_bytes(write_xlsx(content, report.end))
