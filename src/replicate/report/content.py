"""Everything a report publishes, as one JSON-ready structure (``bericht.json``) that all outputs read.

Only aggregates enter it. Withheld figures have ``value: null`` and the reason; rates, medians and
ratios are published only on bases that are themselves published and not small.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from replicate.funders import PROGRAMMES, Obligation
from replicate.indicators.catalog import INDICATORS, Indicator
from replicate.report.aggregate import Aggregates
from replicate.report.suppress import REASONS, Protection, protect
from replicate.report.tables import TOTAL, Quantities, Table, build_quantities, key
from replicate.settings import Settings

FORMAT_VERSION = 1
PUBLISHED, WITHHELD, MISSING = "veroeffentlicht", "gesperrt", "fehlt"
BASE_REASON = "Grundlage zu klein oder gesperrt"


@dataclass(frozen=True)
class Figure:
    """One indicator value as published."""

    id: str
    value: float | None
    status: str
    reason: str = ""


def _median(hist: dict[int, int]) -> float:
    total = sum(hist.values())
    ordered = sorted(hist.items())
    positions = [(total - 1) // 2, total // 2]
    found: list[int] = []
    seen = 0
    for value, count in ordered:
        while len(found) < 2 and positions[len(found)] < seen + count:
            found.append(value)
        seen += count
    return (found[0] + found[1]) / 2


def _figure(ind: Indicator, agg: Aggregates, q: Quantities, p: Protection, settings: Settings) -> Figure:
    rule = ind.rule
    k = p.threshold
    if rule.kind in ("count", "open_at_end"):
        name = key(ind.id)
        if name in p.reasons:
            return Figure(ind.id, None, WITHHELD, p.reasons[name])
        return Figure(ind.id, q.values[name], PUBLISHED)
    if rule.kind == "rate":
        num = [key(rule.of, TOTAL, r) for r in rule.numerator["result"]]
        den = [key(rule.of, TOTAL, r) for r in rule.denominator["result"]]
        if any(n not in q.values for n in den) or any(n in p.reasons for n in {*num, *den}):
            return Figure(ind.id, None, WITHHELD, BASE_REASON)
        base = sum(q.values[n] for n in den)
        if base < k:
            return Figure(ind.id, None, WITHHELD, BASE_REASON)
        return Figure(ind.id, round(100 * sum(q.values[n] for n in num) / base, 1), PUBLISHED)
    if rule.kind == "median_days":
        hist: dict[int, int] = agg.days.get(ind.id, {})
        if sum(hist.values()) < k:
            return Figure(ind.id, None, WITHHELD, BASE_REASON)
        return Figure(ind.id, _median(hist), PUBLISHED)
    if rule.kind == "ratio":
        base_value = getattr(settings.municipality, rule.denominator_setting, None)
        if not base_value:
            return Figure(
                ind.id,
                None,
                MISSING,
                "Die Zahl der Langzeitgeduldeten ist in den Einstellungen nicht angegeben.",
            )
        numerator = key(rule.numerator_id)
        if numerator in p.reasons:
            return Figure(ind.id, None, WITHHELD, BASE_REASON)
        return Figure(ind.id, round(100 * q.values[numerator] / base_value, 1), PUBLISHED)
    among = key(rule.among)
    if among in p.reasons or q.values.get(among, 0) == 0:
        return (
            Figure(ind.id, None, WITHHELD, BASE_REASON)
            if among in p.reasons
            else Figure(ind.id, 0, PUBLISHED)
        )
    return Figure(ind.id, len(agg.nationalities), PUBLISHED)


def _table_json(table: Table, q: Quantities, p: Protection) -> dict[str, Any]:
    rows = [*table.rows, (TOTAL, "Insgesamt")]
    cols = table.cols if not table.two_way else [*table.cols, (TOTAL, "Insgesamt")]
    out_rows = []
    for r_code, r_label in rows:
        cells = []
        for c_code, _ in cols:
            name = table.cell_key(r_code, c_code)
            withheld = name in p.reasons
            cells.append(
                {
                    "column": c_code,
                    "key": name,
                    "value": None if withheld else q.values[name],
                    "withheld": withheld,
                    "reason": p.reasons.get(name),
                    "margin": r_code == TOTAL or (table.two_way and c_code == TOTAL),
                }
            )
        out_rows.append({"code": r_code, "label": r_label, "cells": cells})
    return {
        "id": table.id,
        "title": table.title,
        "unit": table.unit,
        "row_heading": table.row_heading,
        "outcome": table.outcome,
        "columns": [{"code": c, "label": label} for c, label in cols],
        "rows": out_rows,
    }


def build_content(
    settings: Settings, agg: Aggregates, report: Obligation, *, source_name: str
) -> dict[str, Any]:
    """The complete, protected content of one report as a JSON-ready dict."""
    threshold = settings.funder.min_count
    q = build_quantities(agg)
    p = protect(q, threshold)
    targets = {item.id: item.target for item in settings.funder.indicators}
    figures = []
    for ind in INDICATORS.values():
        fig = _figure(ind, agg, q, p, settings)
        figures.append(
            {
                "id": ind.id,
                "key": key(ind.id) if ind.rule.kind in ("count", "open_at_end") else None,
                "label": ind.label,
                "unit": ind.unit,
                "value": fig.value,
                "status": fig.status,
                "reason": REASONS.get(fig.reason, fig.reason) or None,
                "required": ind.id in targets,
                "target": targets.get(ind.id),
                "definition": ind.definition,
                "source": ind.source,
            }
        )
    programme = PROGRAMMES.get(settings.funder.programme_key or "")
    counted = agg.rows - agg.bad_rows
    return {
        "format": "replicate-bericht",
        "format_version": FORMAT_VERSION,
        "synthetic": agg.synthetic_rows > 0,
        "synthetic_rows": agg.synthetic_rows,
        "project": settings.advice_service.project_name,
        "organisation": settings.advice_service.organisation,
        "municipality": settings.municipality.name,
        "funder": settings.funder.name,
        "programme": {
            "name": programme.name if programme else settings.funder.programme,
            "in_catalog": programme is not None,
            "source": programme.source if programme else None,
        },
        "grant_period": {
            "start": settings.funder.period.start.isoformat(),
            "end": settings.funder.period.end.isoformat(),
        },
        "report": {
            "label": report.label,
            "start": report.start.isoformat(),
            "end": report.end.isoformat(),
            "due": report.due.isoformat() if report.due else None,
            "due_text": report.due_text,
            "source": report.source,
        },
        "caseload": {"file": source_name, "rows": agg.rows, "counted": counted, "left_out": agg.bad_rows},
        "protection": {
            "threshold": threshold,
            "symbol": ".",
            "reasons": REASONS,
            "promise": f"Jeder gesperrte Wert lässt sich aus den veröffentlichten Zahlen nur auf eine Spanne von mindestens {threshold} eingrenzen.",
        },
        "figures": figures,
        "tables": [_table_json(t, q, p) for t in q.tables],
        "relations": [{"total": total, "parts": parts} for total, parts in q.constraints],
    }
