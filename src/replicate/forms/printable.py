"""The printable Erstberatungsbogen (German): the same fields as the fillable form, with room to write by hand."""

from __future__ import annotations

from replicate.forms.definition import FormField, Section, cldr_name, form_sections
from replicate.forms.layout import load_layout
from replicate.forms.mdtext import WRITE_IN, escape

ROWS = 4
"""Empty rows of a table for repeated entries (periods, jobs, benefits)."""
MAX_COLUMNS = 4
"""Repeated entries with more fields are printed as blocks instead of table rows."""
BLOCKS = 2


def _answer(f: FormField) -> str:
    """What the answer cell offers: boxes to tick or a line to write on."""
    if f.kind == "bool":
        return "☐ ja  ☐ nein" + ("  ☐ unbekannt" if f.nullable else "")
    if f.choice_list == "countries":  # 250 states: a line to write on, the two other answers to tick
        ticks = "  ".join(f"☐ {escape(label)}" for value, label in f.choices if not cldr_name(f, value))
        return f"Staat: {WRITE_IN}  {ticks}"
    if f.kind in ("select", "multiselect"):
        return "  ".join(f"☐ {escape(label)}" for _, label in f.choices)
    if f.kind == "date":
        return _answer_date()
    if f.kind in ("int", "number"):
        unit = f" (höchstens {f.maximum:g})" if f.maximum is not None else ""
        return f"__________{unit}"
    return WRITE_IN


def _cell(f: FormField) -> str:
    """An empty cell of a repeated entry, with room to write."""
    return _answer_date() if f.kind == "date" else "______________"


def _pathways(f: FormField) -> str:
    labels = load_layout().pathways
    return ", ".join(labels[p] for p in f.pathways)


def _question(f: FormField) -> str:
    text = f"**{escape(f.label)}**"
    if f.help:
        text += f" *{escape(f.help)}*"
    return text


def _scalar_table(fields: list[FormField]) -> list[str]:
    lines = ["| Frage | Antwort | Wichtig für |", "|---|---|---|"]
    lines += [f"| {_question(f)} | {_answer(f)} | {_pathways(f)} |" for f in fields]
    return [*lines, ""]


def _list(f: FormField) -> list[str]:
    head = [f"### {escape(f.label)}", ""]
    if f.help:
        head += [f"*{escape(f.help)}*", ""]
    if f.nullable:
        head += ["- [ ] unbekannt (nicht gefragt)", "- [ ] keine", ""]
    scalars = [c for c in f.children if not c.children]
    if len(scalars) <= MAX_COLUMNS and len(scalars) == len(f.children):
        lines = ["| " + " | ".join(escape(c.label) for c in scalars) + " |", "|" + "---|" * len(scalars)]
        lines += ["| " + " | ".join(_cell(c) for c in scalars) + " |" for _ in range(ROWS)]
        return [*head, *lines, "", "Weitere Einträge bitte auf einem Beiblatt.", ""]
    out = head
    for number in range(1, BLOCKS + 1):
        out += [
            f"**Eintrag {number}**",
            "",
            *_scalar_table([leaf for c in f.children for leaf in c.leaves()]),
        ]
    return [*out, "Weitere Einträge bitte auf einem Beiblatt.", ""]


def _fields(fields: tuple[FormField, ...]) -> list[str]:
    out: list[str] = []
    pending: list[FormField] = []
    for f in fields:
        if f.kind in ("list", "group"):
            if pending:
                out += _scalar_table(pending)
                pending = []
            if f.kind == "list":
                out += _list(f)
            else:
                out += [f"### {escape(f.label)}", "", *_fields(f.children)]
        else:
            pending.append(f)
    if pending:
        out += _scalar_table(pending)
    return out


def _section(number: int, section: Section) -> list[str]:
    return [f"## {number}. {escape(section.title)}", "", *_fields(section.fields)]


def erstberatungsbogen(project: str, organisation: str) -> str:
    """The printable intake form as Markdown for the kit renderer (headings, tables, ☐, write-in lines)."""
    lines = [
        "# Erstberatungsbogen Perspektivberatung",
        "",
        f"{escape(organisation)}, Projekt „{escape(project)}“",
        "",
        "> Pseudonym ausfüllen: keine Namen in diesen Bogen. Zuerst die Einwilligung (datenschutz/einwilligung) "
        "erklären und unterschreiben lassen. Was unbekannt ist, bleibt leer. „Wichtig für“ nennt die "
        "Bleiberechtswege, für die eine Angabe zählt. Dieselben Fragen stehen im ausfüllbaren Formular "
        "formulare/erstberatung.html.",
        "",
        "| Angabe zur Beratung | Eintrag |",
        "|---|---|",
        f"| Datum der Beratung | {_answer_date()} |",
        f"| Beraterin oder Berater | {WRITE_IN} |",
        f"| Sprache der Beratung | {WRITE_IN} |",
        f"| Sprachmittlung durch (Funktion oder Stelle) | {WRITE_IN} |",
        "| Einwilligung unterschrieben | ☐ ja  ☐ nein |",
        "| Schweigepflichtentbindung unterschrieben | ☐ ja  ☐ nein |",
        "",
    ]
    sections = form_sections()
    for number, section in enumerate(sections, start=1):
        lines += _section(number, section)
    lines += [
        f"## {len(sections) + 1}. Ergebnis und nächste Schritte",
        "",
        "| Punkt | Eintrag |",
        "|---|---|",
        f"| Mögliche Bleiberechtswege (Ampel) | {WRITE_IN} |",
        f"| Hindernisse | {WRITE_IN} |",
        f"| Nächste Schritte (Pass, Sprachkurs, Arbeitsstunden …) | {WRITE_IN} |",
        f"| Fristen (Ablauf § 104c, 27. Geburtstag, 30.06.2027 …) | {WRITE_IN} |",
        f"| Nächster Termin | {_answer_date()} |",
        "",
        "______________________________________________",
        "",
        "Unterschrift der Beraterin oder des Beraters",
        "",
    ]
    return "\n".join(lines)


def _answer_date() -> str:
    return "\\_\\_.\\_\\_.\\_\\_\\_\\_"
