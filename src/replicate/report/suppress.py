"""Small-count protection: primary and secondary suppression over all quantities of one report.

Rules (German official practice: minimum case count, secondary suppression, "." for withheld values):

1. Primary: a count of 1 to k−1 (k = threshold, default 5, never below 3) is withheld. In outcome
   tables, in a line whose total is above zero, every cell below k is withheld, zeros included (a zero
   says "nobody in this group got …"); see rule 2 for the rest of such a line.
2. Secondary, per line (a total and its parts): no line may have exactly one withheld member, and the
   withheld parts of a line with a published total must add up to at least k (otherwise the published
   figures pin them down; in an outcome line this withholds the dominant cell too, so that a group in
   which everyone had the same outcome is not shown as such).
3. Audit: for every withheld quantity the interval that the published figures leave is computed by
   linear programming over all tables of the report together (shared quantities are one variable); where
   it is narrower than k, one more cell of its lines is withheld, and the audit runs again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from replicate.indicators.catalog import INDICATORS
from replicate.report.audit import intervals
from replicate.report.tables import TOTAL, Quantities, key

MIN_THRESHOLD = 3
"""The floor of the threshold: the minimum case count of German official statistics."""

PRIMARY = "primaer"
OUTCOME = "ergebnisgruppe"
SECONDARY = "sekundaer"

REASONS = {
    PRIMARY: "Wert unter der Mindestfallzahl",
    OUTCOME: "Ergebnis einer kleinen oder einheitlichen Gruppe",
    SECONDARY: "gesperrt, damit gesperrte Werte nicht aus Summen errechnet werden können",
}
"""Why a value is withheld, in German (footnotes and bericht.json)."""


@dataclass
class Protection:
    """Which quantities are withheld and why, and the intervals the audit found for them."""

    threshold: int
    reasons: dict[str, str] = field(default_factory=dict)
    """Withheld key → one of PRIMARY, OUTCOME, SECONDARY."""
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def withheld(self) -> set[str]:
        return set(self.reasons)


def protect(q: Quantities, threshold: int) -> Protection:
    """Withhold what must be withheld so that no withheld figure is narrowed below ``threshold``."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"threshold {threshold} below the floor {MIN_THRESHOLD}")
    k = threshold
    p = Protection(threshold)
    values = q.values
    for name, value in values.items():
        if 0 < value < k:
            p.reasons[name] = PRIMARY
    for index in sorted(q.outcome_lines):
        total, parts = q.constraints[index]
        if values[total] > 0:
            for part in parts:
                if values[part] < k and part not in p.reasons:
                    p.reasons[part] = OUTCOME
    while True:
        _lines(q, p)
        p.intervals = intervals(values, q.constraints, p.withheld)
        narrow = sorted(name for name, (lo, hi) in p.intervals.items() if hi - lo < k - 1e-6)
        if not narrow:
            protect_linked_persons(q, p)
            return p
        if not _widen(q, p, narrow[0]):
            raise RuntimeError(
                f"cannot protect {narrow[0]}"
            )  # unreachable: with all withheld, nothing is narrowed


def protect_linked_persons(q: Quantities, p: Protection) -> None:
    """Withhold a count of persons whose events a table shows, unless the published cells pin that sum.

    "Persons granted a permit" and the granted cells of the decisions table count nearly the same thing
    (a person rarely has two decisions). If the matching cells cannot be summed from published figures,
    publishing the persons would give the sum away, so the persons are withheld too.
    """
    for ind in INDICATORS.values():
        rule = ind.rule
        name = key(ind.id)
        if rule.kind != "count" or rule.distinct != "persons" or rule.by or name in p.reasons:
            continue
        for table in q.tables:
            source = INDICATORS[table.id].rule
            if source.events != rule.events or source.distinct != "events":
                continue
            related = [
                cell
                for cell in q.values
                if cell.startswith(table.id + "|")
                and TOTAL not in cell.split("|")[1:]
                and all(
                    value in rule.where.get(field, (value,))
                    for field, value in zip(source.by, cell.split("|")[1:], strict=True)
                )
            ]
            if not related or not set(related) & p.withheld:
                continue
            link = f"link|{ind.id}"
            values = {**q.values, link: sum(q.values[c] for c in related)}
            found = intervals(values, [*q.constraints, (link, related)], p.withheld | {link})
            lo, hi = found.get(link, (0.0, math.inf))
            if hi - lo > 1e-6:
                p.reasons[name] = SECONDARY


def _cheapest(q: Quantities, p: Protection, candidates: list[str]) -> str | None:
    free = [c for c in candidates if c not in p.reasons]
    if not free:
        return None
    return min(free, key=lambda c: (q.values[c] == 0, q.values[c], c))


def _lines(q: Quantities, p: Protection) -> None:
    """Apply rule 2 until nothing changes."""
    k = p.threshold
    changed = True
    while changed:
        changed = False
        for total, parts in q.constraints:
            members = [total, *parts]
            withheld = [m for m in members if m in p.reasons]
            if not withheld:
                continue
            parts_sum = sum(q.values[m] for m in parts if m in p.reasons)
            need = len(withheld) == 1 or (total not in p.reasons and parts_sum < k)
            if not need:
                continue
            pick = _cheapest(q, p, list(parts)) or (total if total not in p.reasons else None)
            if pick is None:
                continue
            p.reasons[pick] = SECONDARY
            changed = True


def _widen(q: Quantities, p: Protection, name: str) -> bool:
    """Withhold one more quantity near ``name``: in its lines first, else in lines linked to them.

    Lines are searched breadth first (a fully withheld line leads on to the lines of its members), and
    within the nearest line that still has a published member, a non-zero part is preferred.
    """
    seen_keys = {name}
    frontier = [name]
    seen_lines: set[int] = set()
    while frontier:
        lines = [
            i
            for i, (t, parts) in enumerate(q.constraints)
            if i not in seen_lines and any(m == t or m in parts for m in frontier)
        ]
        seen_lines.update(lines)
        for i in lines:
            total, parts = q.constraints[i]
            pick = _cheapest(q, p, list(parts))
            if pick is not None and q.values[pick] > 0:
                p.reasons[pick] = SECONDARY
                return True
        for i in lines:
            total, parts = q.constraints[i]
            for candidate in (*parts, total):
                if candidate not in p.reasons:
                    p.reasons[candidate] = SECONDARY
                    return True
        nxt = []
        for i in lines:
            total, parts = q.constraints[i]
            for member in (total, *parts):
                if member not in seen_keys:
                    seen_keys.add(member)
                    nxt.append(member)
        frontier = nxt
    return False
