"""The Sachbericht draft and the public short report as Markdown, from the protected report content.

Every value from the settings passes through :func:`escape`; figures come only from ``content``
(aggregates after protection), so no row of the caseload can appear in a document.
"""

from __future__ import annotations

from typing import Any

from replicate.forms.mdtext import WRITE_IN, escape
from replicate.funders import PROGRAMMES, sachbericht_rules
from replicate.numbers import number
from replicate.settings import Settings

CHARTS = {
    "antraege_nach_rechtsgrundlage": "antraege",
    "entscheidungen": "entscheidungen",
    "verweisungen": "verweisungen",
}
"""Tables drawn as a chart, and the chart's file name (``diagramme/<name>.svg``)."""


def _date(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def _num(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "."
    text = number(value, 1, trim=False)
    return f"{text} %" if unit == "Prozent" else text


def _banner(content: dict[str, Any]) -> list[str]:
    if not content["synthetic"]:
        return []
    return [
        "> **Synthetische Beispieldaten.** Dieser Bericht beruht auf einer erfundenen Fallliste "
        f"({content['synthetic_rows']} von {content['caseload']['rows']} Fällen synthetisch). Er zeigt nur, "
        "wie ein Bericht aussieht; keine Zahl beschreibt echte Menschen oder das Projekt.",
        "",
    ]


def _figure_value(fig: dict[str, Any]) -> str:
    if fig["status"] == "fehlt":
        return "fehlt"
    return _num(fig["value"], fig["unit"])


def _figures_table(content: dict[str, Any], only_required: bool) -> list[str]:
    lines = ["| Kennzahl | Wert | Einheit | Hinweis |", "|---|--:|---|---|"]
    for fig in content["figures"]:
        if only_required and not fig["required"]:
            continue
        note = escape(fig["reason"] or "–")
        lines.append(f"| {fig['label']} | {_figure_value(fig)} | {fig['unit']} | {note} |")
    return [*lines, ""]


def _table_md(table: dict[str, Any], content: dict[str, Any]) -> list[str]:
    header = [table["row_heading"], *(c["label"] for c in table["columns"])]
    if len(table["columns"]) == 1:
        header[1] = table["unit"]
    lines = [f"### {table['title']}", ""]
    if len(table["rows"]) == 1:
        return [*lines, "Im Berichtszeitraum gab es dazu keine Ereignisse.", ""]
    lines += ["| " + " | ".join(header) + " |", "|---" + "|--:" * (len(header) - 1) + "|"]
    notes: set[str] = set()
    for row in table["rows"]:
        cells = []
        for cell in row["cells"]:
            cells.append(_num(cell["value"]))
            if cell["withheld"]:
                notes.add(cell["reason"])
        label = f"**{row['label']}**" if row["code"] == "*" else row["label"]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("")
    for code in sorted(notes):
        lines += [f". = {content['protection']['reasons'][code]}", ""]
    if table["id"] in CHARTS:
        lines += [f"![Diagramm: {table['title']}](diagramme/{CHARTS[table['id']]}.svg)", ""]
    return lines


def _method(content: dict[str, Any]) -> list[str]:
    p = content["protection"]
    c = content["caseload"]
    lines = [
        "## Methodik und Datenschutz",
        "",
        f"Gezählt wurden die pseudonymen Fallakten der Beratungsstelle ({_num(c['counted'])} von "
        f"{_num(c['rows'])} gelesenen Fällen). Jede Kennzahl folgt ihrer Zählregel im Kennzahlen-Handbuch des "
        "Kits; ein Ereignis zählt, wenn sein Datum im Berichtszeitraum liegt.",
        "",
    ]
    if c["left_out"]:
        lines += [
            f"**{_num(c['left_out'])} Fälle wurden wegen fehlerhafter Angaben nicht gezählt.** Die Zahlen sind "
            "insoweit unvollständig; die Beratungsstelle hat die Liste der Fehler erhalten und berichtigt sie.",
            "",
        ]
    lines += [
        f"Zum Schutz der beratenen Menschen werden Zahlen unter {p['threshold']} nicht veröffentlicht "
        "(Mindestfallzahl). Weitere Werte wurden gesperrt, damit gesperrte Werte nicht aus Summen oder aus "
        "anderen Tabellen dieses Berichts errechnet werden können; in Tabellen über Ergebnisse werden auch "
        "Nullen und Gruppen, in denen alle dasselbe Ergebnis hatten, nicht gezeigt. Anteile und Mediane "
        "erscheinen nur, wenn ihre Grundlage veröffentlicht und nicht klein ist. Gesperrte Werte stehen als „.“.",
        "",
        p["promise"],
        "",
    ]
    return lines


def sachbericht(content: dict[str, Any], settings: Settings) -> str:
    """The Sachbericht draft (ANBest-P Nr. 6.3) for the funder, in German Markdown."""
    r = content["report"]
    f = settings.funder
    programme = PROGRAMMES.get(f.programme_key or "")
    rules = sachbericht_rules(f.programme_key)
    due = f"{_date(r['due'])} ({escape(r['due_text'])})" if r["due"] else escape(r["due_text"])
    lines = [
        f"# Sachbericht (Entwurf): {escape(content['project'])}",
        "",
        *_banner(content),
        f"{escape(r['label'])} für den Berichtszeitraum {_date(r['start'])} bis {_date(r['end'])}.",
        "",
        "## 1. Stammdaten",
        "",
        "| Angabe | Inhalt |",
        "|---|---|",
        f"| Zuwendungsempfänger | {escape(settings.advice_service.organisation)} |",
        f"| Projekt | {escape(content['project'])} |",
        f"| Kommune | {escape(settings.municipality.name)} |",
        f"| Fördergeber | {escape(f.name)} |",
        f"| Förderprogramm | {escape(programme.name if programme else f.programme)} |",
        f"| Förderzeitraum | {f.period.start:%d.%m.%Y} bis {f.period.end:%d.%m.%Y} |",
        f"| Berichtszeitraum | {_date(r['start'])} bis {_date(r['end'])} |",
        f"| Frist | {due} |",
        f"| Zuwendungsbescheid (Datum, Aktenzeichen) | {WRITE_IN} |",
        "",
        f"Grundlage der Frist: {escape(r['source'])}.",
        "",
        "## 2. Verwendung der Zuwendung",
        "",
        f"Geplant waren laut Einstellungen {_num(settings.advice_service.staff_fte)} Vollzeitäquivalente "
        f"Beratungspersonal{settings.assumptions.note('advice_service.staff_fte')}. Tatsächlich eingesetztes Personal, Tätigkeiten, Orte und Sprechzeiten, "
        "Zusammenarbeit mit der Ausländerbehörde (Austauschtreffen, Fallkonferenzen), Vernetzung und "
        "Öffentlichkeitsarbeit:",
        "",
        WRITE_IN,
        "",
        WRITE_IN,
        "",
        "## 3. Erzielte Ergebnisse im Einzelnen",
        "",
        "### Soll und Ist der vereinbarten Kennzahlen",
        "",
        "Der Zielwert gilt für den ganzen Förderzeitraum; das Ist für den Berichtszeitraum. Eine Abweichung wird "
        "nur berechnet, wenn beide Zeiträume gleich sind.",
        "",
        "| Kennzahl | Soll | Ist | Abweichung | Begründung |",
        "|---|--:|--:|--:|---|",
    ]
    whole = r["start"] == content["grant_period"]["start"] and r["end"] == content["grant_period"]["end"]
    for fig in content["figures"]:
        if not fig["required"]:
            continue
        target = fig["target"]
        soll = _num(target, fig["unit"]) if target is not None else "nicht festgelegt"
        gap = "entfällt (Teilzeitraum)" if not whole else "nicht berechenbar"
        if whole and target is not None and fig["value"] is not None:
            gap = _num(round(fig["value"] - target, 1), fig["unit"])
        lines.append(f"| {fig['label']} | {soll} | {_figure_value(fig)} | {gap} | {WRITE_IN} |")
    lines += ["", "### Alle Kennzahlen", "", *_figures_table(content, only_required=False)]
    for table in content["tables"]:
        lines += _table_md(table, content)
    lines += [
        "## 4. Abweichungen und ihre Gründe",
        "",
        "Abweichungen vom Arbeits- und Finanzierungsplan, Hindernisse (z. B. fehlende Identitätsnachweise, "
        f"Wartezeiten der Behörde) und {escape(rules.notice)}:",
        "",
        WRITE_IN,
        "",
        WRITE_IN,
        "",
        "## 5. Ausblick",
        "",
        WRITE_IN,
        "",
        "## 6. Bestätigungen",
        "",
        "Der Zuwendungsempfänger bestätigt:",
        "",
        *(f"- [ ] {item}" for item in rules.confirmations),
        "",
        f"Grundlage: {escape(rules.source)}. Der zahlenmäßige Nachweis folgt gesondert, gegliedert wie der "
        "Finanzierungsplan, auf den Vordrucken der Bewilligungsstelle.",
        "",
        f"Ort, Datum: {WRITE_IN}",
        "",
        f"Unterschrift (vertretungsberechtigte Person): {WRITE_IN}",
        "",
        *_method(content),
    ]
    return "\n".join(lines)


def kurzbericht(content: dict[str, Any], settings: Settings) -> str:
    """The shorter public report for the council or the integration advisory board, in German Markdown."""
    r = content["report"]
    lines = [
        f"# Kurzbericht: {escape(content['project'])}",
        "",
        *_banner(content),
        f"Berichtszeitraum {_date(r['start'])} bis {_date(r['end'])}. Träger: "
        f"{escape(settings.advice_service.organisation)}; gefördert durch {escape(settings.funder.name)}.",
        "",
        "## Das Wichtigste in Zahlen",
        "",
        *_figures_table(content, only_required=False),
        "## Tabellen",
        "",
    ]
    for table in content["tables"]:
        lines += _table_md(table, content)
    lines += _method(content)
    return "\n".join(lines)
