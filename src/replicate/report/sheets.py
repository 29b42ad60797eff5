"""The indicator tables as a spreadsheet: ODS (odfdo) and XLSX (XlsxWriter), one sheet per table.

Withheld cells hold "." with a footnote, as in official statistics. Every text cell is neutralised
against formula injection (OWASP: a leading apostrophe before = + - @ tab or carriage return).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from replicate.render.zipfix import normalize_zip_bytes

Cell = str | int | float | None
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: formula-like text gets a leading apostrophe."""
    return "'" + text if text.startswith(_DANGEROUS) else text


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]*?/\\:'")[:28].strip() or "Tabelle"
    base, n = name, 2
    while name in used:
        name = f"{base[:25]} {n}"
        n += 1
    used.add(name)
    return name


def sheets(content: dict[str, Any]) -> Iterator[tuple[str, list[list[Cell]]]]:
    """(sheet name, rows of cells) for the figures, every table and the method notes."""
    used: set[str] = set()
    head: list[list[Cell]] = [
        [content["project"]],
        [f"Berichtszeitraum {content['report']['start']} bis {content['report']['end']}"],
    ]
    if content["synthetic"]:
        head.insert(0, ["SYNTHETISCHE BEISPIELDATEN: keine echten Fälle"])
    figures: list[list[Cell]] = [
        *head,
        [],
        ["Kennzahl", "Wert", "Einheit", "Zielwert (Förderzeitraum)", "Hinweis"],
    ]
    for fig in content["figures"]:
        value = fig["value"] if fig["value"] is not None else "."
        figures.append([fig["label"], value, fig["unit"], fig["target"], fig["reason"] or ""])
    yield _sheet_name("Kennzahlen", used), figures
    for table in content["tables"]:
        rows: list[list[Cell]] = [*head, [], [f"{table['title']} ({table['unit']})"]]
        rows.append([table["row_heading"], *(c["label"] for c in table["columns"])])
        notes = set()
        for row in table["rows"]:
            cells: list[Cell] = [row["label"]]
            for cell in row["cells"]:
                cells.append("." if cell["withheld"] else cell["value"])
                if cell["withheld"]:
                    notes.add(cell["reason"])
            rows.append(cells)
        rows.append([])
        for code in sorted(notes):
            rows.append([f". = {content['protection']['reasons'][code]}"])
        yield _sheet_name(table["title"], used), rows
    method: list[list[Cell]] = [
        *head,
        [],
        [f"Mindestfallzahl: {content['protection']['threshold']}"],
        [content["protection"]["promise"]],
        [
            f"Gelesene Fälle: {content['caseload']['rows']}; gezählt: {content['caseload']['counted']}; wegen Fehlern ausgelassen: {content['caseload']['left_out']}"
        ],
    ]
    for code, text in content["protection"]["reasons"].items():
        method.append([f"{code}: {text}"])
    yield _sheet_name("Methodik", used), method


def write_xlsx(content: dict[str, Any], stamp: dt.date) -> bytes:
    """The workbook as XLSX bytes (fixed dates, deterministic zip)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    created = dt.datetime.combine(stamp, dt.time(0, 0))
    book.set_properties(
        {"title": f"Kennzahlen {content['project']}", "author": "replicate", "created": created}
    )
    bold = book.add_format({"bold": True})
    for name, rows in sheets(content):
        sheet = book.add_worksheet(name)
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, 8, 16)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, neutral(value), bold if c == 0 and r < 2 else None)
                else:
                    sheet.write_number(r, c, value)
    book.close()
    return normalize_zip_bytes(buffer.getvalue())


def write_ods(content: dict[str, Any], stamp: dt.date) -> bytes:
    """The workbook as ODS bytes (odfdo; fixed dates, deterministic zip)."""
    from odfdo import Document, Table

    document = Document("spreadsheet")
    body = document.body
    body.clear()
    for name, rows in sheets(content):
        table = Table(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                table.set_value((c, r), neutral(value) if isinstance(value, str) else value)
        body.append(table)
    info = document.meta
    moment = dt.datetime.combine(stamp, dt.time(0, 0))
    info.set_title(f"Kennzahlen {content['project']}")
    info.set_creation_date(moment)
    info.set_modification_date(moment)
    info.set_generator("replicate")
    info.set_initial_creator("replicate")
    info.set_editing_cycles(1)
    info.set_editing_duration(dt.timedelta(0))
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip_bytes(buffer.getvalue())
