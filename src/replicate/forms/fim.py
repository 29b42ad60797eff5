"""The form's fields as FIM/XDatenfelder data fields: input type, data type, code list and cardinality.

This is a FIM-aligned description (the vocabulary of XDatenfelder), not a conformant FIM data schema: there
are no FIM identifiers, versions or quality-assured code lists behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from replicate.forms.definition import FormField, Section, all_fields, cldr_name, form_sections
from replicate.forms.mdtext import escape

_TYPES: dict[str, tuple[str, str]] = {
    "text": ("input", "text"),
    "textlist": ("input", "text"),
    "date": ("input", "date"),
    "int": ("input", "num_int"),
    "number": ("input", "num"),
    "bool": ("input", "bool"),
    "select": ("select", "text"),
    "multiselect": ("select", "text"),
    "group": ("Datenfeldgruppe", "obj"),
    "list": ("Datenfeldgruppe", "obj"),
}
"""Kind of form field → (Feldart, Datentyp) in XDatenfelder terms."""


@dataclass(frozen=True)
class FimRow:
    """One row of the mapping table."""

    path: str
    label: str
    feldart: str
    datentyp: str
    cardinality: str
    codelist: str
    limits: str


def _cardinality(f: FormField) -> str:
    if f.kind in ("list", "multiselect", "textlist"):
        return "0..n"
    return "1..1" if f.required else "0..1"


def _codelist(f: FormField) -> str:
    if f.choice_list == "countries":  # 250 codes: named, not listed
        special = [value for value, _ in f.choices if not cldr_name(f, value)]
        return ", ".join(["Ländercodes nach ISO 3166-1 Alpha-2 (aus CLDR, dazu XK für Kosovo)", *special])
    return ", ".join(value for value, _ in f.choices)


def fim_row(f: FormField) -> FimRow:
    """The FIM view of one form field."""
    feldart, datentyp = _TYPES[f.kind]
    limits = []
    if f.minimum is not None:
        limits.append(f"min {f.minimum:g}")
    if f.maximum is not None:
        limits.append(f"max {f.maximum:g}")
    return FimRow(
        path=f.path,
        label=f.label,
        feldart=feldart,
        datentyp=datentyp,
        cardinality=_cardinality(f),
        codelist=_codelist(f),
        limits=", ".join(limits),
    )


def fim_table(sections: tuple[Section, ...] | None = None) -> str:
    """The mapping as a Markdown table, one row per field and field group, in form order."""
    rows = [fim_row(f) for f in all_fields(sections or form_sections())]
    lines = [
        "| Feld (Pfad und Bezeichnung) | Feldart | Datentyp | Kardinalität | Werte (Codeliste), Grenzen |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| `{r.path}` {escape(r.label)} | {r.feldart} | {r.datentyp} | {r.cardinality} | "
        f"{escape(', '.join(v for v in (r.codelist, r.limits) if v))} |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def fim_document() -> str:
    """The kit document ``formulare/fim-zuordnung.md`` (German)."""
    return (
        "# Formularfelder und FIM-Datentypen (FIM-orientiert)\n\n"
        "Diese Tabelle ordnet jedes Feld des Erstberatungsbogens den Begriffen von FIM/XDatenfelder zu "
        "(Feldart, Datentyp, Codeliste, Kardinalität). Sie ist **FIM-orientiert, nicht FIM-konform** (FIM-aligned): Es gibt "
        "keine FIM-Kennungen, Versionen oder qualitätsgesicherten Codelisten dahinter. Sie hilft, die Felder in "
        "ein Fachverfahren oder einen Formularbaukasten zu übernehmen.\n\n" + fim_table()
    )
