"""The fixed catalogue of published tables, built from the aggregates (one table per broken-down indicator).

Every cell, margin and single figure is a *quantity* with a key; a quantity that appears in several
tables (e.g. the number of persons advised: total of the table by gender and a figure of its own) has one
key, so that protection treats it as one. ``constraints`` state which quantities add up to which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from replicate.indicators.catalog import INDICATORS, Indicator
from replicate.report.aggregate import Aggregates
from replicate.report.vocabulary import (
    CLOSING_REASONS,
    DECISION_RESULTS,
    DULDUNG_PATHWAYS,
    FIELD_LABELS,
    GENDERS,
    HARDSHIP_RESULTS,
    PATHWAYS,
    REFERRALS,
    UNKNOWN,
)

TOTAL = "*"
"""Breakdown value of a margin (sum over that dimension)."""

_CATEGORIES: dict[str, list[str]] = {
    "gender": [*GENDERS, UNKNOWN],
    "referral_by": list(REFERRALS),
    "reason": list(CLOSING_REASONS),
}
_HEADINGS = {
    "pathway": "Rechtsgrundlage",
    "referral_by": "Zugangsweg",
    "result": "Ergebnis",
    "reason": "Grund",
    "gender": "Geschlecht",
}


def key(*parts: str) -> str:
    """The key of a quantity: indicator id and breakdown values joined by ``|``."""
    return "|".join(parts)


@dataclass
class Table:
    """One published table: rows × columns (one column for a one-way table), with margins."""

    id: str
    title: str
    unit: str
    row_heading: str
    rows: list[tuple[str, str]]
    """(code, German label) of each row, margin excluded."""
    cols: list[tuple[str, str]]
    """(code, German label) of each column; a one-way table has one column (``TOTAL``)."""
    outcome: bool = False

    def cell_key(self, row: str, col: str) -> str:
        if len(self.cols) == 1:
            return key(self.id) if row == TOTAL else key(self.id, row)
        if row == TOTAL and col == TOTAL:
            return key(self.id)
        return key(self.id, row, col)

    @property
    def two_way(self) -> bool:
        return len(self.cols) > 1


@dataclass
class Quantities:
    """All quantities of one report, the tables showing them and how they add up."""

    values: dict[str, int] = field(default_factory=dict)
    constraints: list[tuple[str, list[str]]] = field(default_factory=list)
    """(total key, part keys): the total equals the sum of the parts."""
    outcome_lines: set[int] = field(default_factory=set)
    """Indices into ``constraints`` of lines of an outcome table (zeros and one-outcome lines protected)."""
    tables: list[Table] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    """Indicator ids published as single counts."""


def _rows(ind: Indicator, field_name: str, agg: Aggregates, position: int) -> list[str]:
    if field_name in _CATEGORIES:
        return _CATEGORIES[field_name]
    if field_name == "result":
        return list(HARDSHIP_RESULTS) if "haertefall_ergebnis" in ind.rule.events else list(DECISION_RESULTS)
    if field_name == "pathway" and ind.rule.events == ("duldung_erteilt",):
        return list(DULDUNG_PATHWAYS)
    present = {k[position] for k in agg.counts if k[0] == ind.id and len(k) > position}
    return [code for code in PATHWAYS if code in present]


def build_quantities(agg: Aggregates) -> Quantities:
    """Tables and single counts for every count indicator of the catalog."""
    q = Quantities()
    for ind in INDICATORS.values():
        rule = ind.rule
        if rule.kind == "count" and not rule.by:
            q.values[key(ind.id)] = agg.counts.get((ind.id,), 0)
            q.figures.append(ind.id)
        elif rule.kind == "count":
            _table(q, ind, agg)
        elif rule.kind == "open_at_end":
            q.values[key(ind.id)] = agg.open_cases
            q.figures.append(ind.id)
    return q


def _table(q: Quantities, ind: Indicator, agg: Aggregates) -> None:
    rule = ind.rule
    row_field = rule.by[0]
    row_codes = _rows(ind, row_field, agg, 1)
    labels = FIELD_LABELS[row_field]
    rows = [(code, labels.get(code, code)) for code in row_codes]
    if len(rule.by) == 1:
        table = Table(
            ind.id, ind.label, ind.unit, _HEADINGS[row_field], rows, [(TOTAL, ind.unit)], rule.outcome
        )
        parts = []
        for code in row_codes:
            q.values[key(ind.id, code)] = agg.counts.get((ind.id, code), 0)
            parts.append(key(ind.id, code))
        q.values[key(ind.id)] = sum(q.values[p] for p in parts)
        q.constraints.append((key(ind.id), parts))
        if rule.outcome:
            q.outcome_lines.add(len(q.constraints) - 1)
        q.tables.append(table)
        return
    col_field = rule.by[1]
    col_codes = _rows(ind, col_field, agg, 2)
    col_labels = FIELD_LABELS[col_field]
    cols = [(code, col_labels.get(code, code)) for code in col_codes]
    table = Table(ind.id, ind.label, ind.unit, _HEADINGS[row_field], rows, cols, rule.outcome)
    for r in row_codes:
        for c in col_codes:
            q.values[key(ind.id, r, c)] = agg.counts.get((ind.id, r, c), 0)
    for r in row_codes:
        parts = [key(ind.id, r, c) for c in col_codes]
        q.values[key(ind.id, r, TOTAL)] = sum(q.values[p] for p in parts)
        q.constraints.append((key(ind.id, r, TOTAL), parts))
        if rule.outcome:
            q.outcome_lines.add(len(q.constraints) - 1)
    for c in col_codes:
        parts = [key(ind.id, r, c) for r in row_codes]
        q.values[key(ind.id, TOTAL, c)] = sum(q.values[p] for p in parts)
        q.constraints.append((key(ind.id, TOTAL, c), parts))
    margin_cols = [key(ind.id, TOTAL, c) for c in col_codes]
    q.values[key(ind.id)] = sum(q.values[p] for p in margin_cols)
    q.constraints.append((key(ind.id), margin_cols))
    if rule.outcome:
        q.outcome_lines.add(len(q.constraints) - 1)
    q.constraints.append((key(ind.id), [key(ind.id, r, TOTAL) for r in row_codes]))
    q.tables.append(table)
