"""The indicator catalog, loaded from ``catalog.yaml`` next to this module.

Each indicator carries its counting rule over the case history (see the header of ``catalog.yaml``);
:func:`counting_text` turns a rule into the German sentence printed in the indicator handbook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from replicate.report.vocabulary import EVENT_TYPES, FIELD_LABELS

KINDS = ("count", "rate", "median_days", "ratio", "distinct_values", "open_at_end")
"""Kinds of counting rule the report knows."""

BY_FIELDS = {"pathway", "referral_by", "result", "reason", "gender"}
"""Fields an indicator may be broken down by (``gender`` is a person field, the others event fields)."""

WHERE_FIELDS = {"pathway", "referral_by", "result", "reason", "consent"}
"""Event fields a ``where`` filter may test."""


@dataclass(frozen=True)
class Rule:
    """How an indicator is counted over the case history (one of :data:`KINDS`)."""

    kind: str
    events: tuple[str, ...] = ()
    distinct: str = "events"
    """``persons`` (each person once) or ``events`` (every event)."""
    by: tuple[str, ...] = ()
    where: dict[str, tuple[str, ...]] = field(default_factory=dict)
    outcome: bool = False
    of: str = ""
    numerator: dict[str, tuple[str, ...]] = field(default_factory=dict)
    denominator: dict[str, tuple[str, ...]] = field(default_factory=dict)
    start: tuple[str, ...] = ()
    end: tuple[str, ...] = ()
    same_pathway: bool = False
    numerator_id: str = ""
    denominator_setting: str = ""
    field_name: str = ""
    among: str = ""


@dataclass(frozen=True)
class Indicator:
    """One reporting indicator a funder, a council or the model asks for."""

    id: str
    label: str
    definition: str
    unit: str
    source: str = ""
    """Who requires it (funder rule, council, the model's aim), with the passage."""
    recorded_by: str = ""
    """Which event records it, who enters it and when."""
    rule: Rule = Rule("count")


def _filters(raw: Any) -> dict[str, tuple[str, ...]]:
    return {str(k): tuple(str(v) for v in values) for k, values in (raw or {}).items()}


def _rule(key: str, raw: dict[str, Any]) -> Rule:
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ValueError(f"indicator {key}: unknown rule kind {kind!r}")
    rule = Rule(
        kind=kind,
        events=tuple(raw.get("events", ())),
        distinct=raw.get("distinct", "events"),
        by=tuple(raw.get("by", ())),
        where=_filters(raw.get("where")),
        outcome=bool(raw.get("outcome", False)),
        of=raw.get("of", ""),
        numerator=_filters(raw["numerator"]) if isinstance(raw.get("numerator"), dict) else {},
        denominator=_filters(raw.get("denominator")),
        start=tuple(raw.get("start", ())),
        end=tuple(raw.get("end", ())),
        same_pathway=bool(raw.get("same_pathway", False)),
        numerator_id=raw["numerator"] if isinstance(raw.get("numerator"), str) else "",
        denominator_setting=raw.get("denominator_setting", ""),
        field_name=raw.get("field", ""),
        among=raw.get("among", ""),
    )
    unknown = [e for e in (*rule.events, *rule.start, *rule.end) if e not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"indicator {key}: unknown event types {unknown}")
    if not set(rule.by) <= BY_FIELDS or len(rule.by) > 2:
        raise ValueError(f"indicator {key}: by must be one or two of {sorted(BY_FIELDS)}")
    if not set(rule.where) <= WHERE_FIELDS:
        raise ValueError(f"indicator {key}: where may test only {sorted(WHERE_FIELDS)}")
    if rule.by and rule.distinct == "persons" and set(rule.by) - {"gender"}:
        raise ValueError(
            f"indicator {key}: persons can be broken down by person fields only (sums must add up)"
        )
    if rule.distinct not in ("persons", "events"):
        raise ValueError(f"indicator {key}: distinct must be persons or events")
    return rule


@cache
def _load() -> dict[str, Indicator]:
    raw = yaml.safe_load((Path(__file__).parent / "catalog.yaml").read_text(encoding="utf-8"))
    catalog: dict[str, Indicator] = {}
    for key, value in raw.items():
        data = dict(value)
        rule = _rule(key, data.pop("rule"))
        catalog[key] = Indicator(id=key, rule=rule, **data)
    for key, ind in catalog.items():
        for ref in (ind.rule.of, ind.rule.numerator_id, ind.rule.among):
            if ref and ref not in catalog:
                raise ValueError(f"indicator {key}: refers to unknown indicator {ref}")
    return catalog


INDICATORS = _load()


def indicator_ids() -> list[str]:
    """All indicator ids, in catalog order."""
    return list(INDICATORS)


def _events(types: tuple[str, ...]) -> str:
    names = [f"„{EVENT_TYPES[t]}“" for t in types]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " oder " + names[-1]


def _filter_text(filters: dict[str, tuple[str, ...]]) -> str:
    parts = []
    for name, values in filters.items():
        if name == "consent":
            parts.append("mit Einwilligung der Person")
            continue
        labels = FIELD_LABELS[name]
        parts.append(", ".join(labels.get(v, v) for v in values))
    return "; ".join(parts)


_BY_WORDS = {
    "pathway": "Rechtsgrundlage",
    "referral_by": "Zugangsweg",
    "result": "Ergebnis",
    "reason": "Grund",
    "gender": "Geschlecht",
}


def counting_text(indicator: Indicator) -> str:
    """The counting rule as one German sentence for the indicator handbook."""
    rule = indicator.rule
    if rule.kind == "count":
        if rule.distinct == "persons":
            text = f"Gezählt wird jede Person einmal, die ein Ereignis {_events(rule.events)} mit Datum im Berichtszeitraum hat"
        else:
            text = f"Gezählt wird jedes Ereignis {_events(rule.events)} mit Datum im Berichtszeitraum"
        if rule.where:
            text += f" (nur: {_filter_text(rule.where)})"
        if rule.by:
            text += "; aufgeschlüsselt nach " + " und ".join(_BY_WORDS[b] for b in rule.by)
        return text + "."
    if rule.kind == "rate":
        return (
            f"Zähler: Entscheidungen mit Ergebnis {_filter_text(rule.numerator)}; Nenner: Entscheidungen mit "
            f"Ergebnis {_filter_text(rule.denominator)}; jeweils mit Datum im Berichtszeitraum."
        )
    if rule.kind == "median_days":
        same = " mit derselben Rechtsgrundlage" if rule.same_pathway else ""
        first = "dem letzten vorangehenden" if rule.same_pathway else "dem ersten"
        text = (
            f"Für jedes Ereignis {_events(rule.end)} im Berichtszeitraum die Tage seit {first} Ereignis "
            f"{_events(rule.start)}{same}; veröffentlicht wird der Median"
        )
        if rule.where:
            text += f" (nur: {_filter_text(rule.where)})"
        return text + "."
    if rule.kind == "ratio":
        return (
            f"„{INDICATORS[rule.numerator_id].label}“ geteilt durch die Zahl der Langzeitgeduldeten der Kommune "
            "aus den Einstellungen (mit Stichtag und Quelle)."
        )
    if rule.kind == "distinct_values":
        return (
            "Zahl der verschiedenen Staatsangehörigkeiten unter den beratenen Personen des Berichtszeitraums."
        )
    return (
        "Personen mit einem Ereignis am oder vor dem letzten Tag des Berichtszeitraums, deren letzter Abschluss "
        "bis dahin nicht vorliegt oder durch eine spätere Wiederaufnahme aufgehoben ist."
    )


def jinja_source() -> str:
    """The indicator catalog as a Jinja include for the Copier template (``template/includes/indicators.jinja``).

    The template must work with plain Copier, which cannot read this package; a test proves that the
    committed include equals this output, so the catalog has one source.
    """
    table = {
        key: {
            "label": i.label,
            "definition": i.definition,
            "unit": i.unit,
            "counting": counting_text(i),
            "recorded_by": i.recorded_by,
            "source": i.source,
            "kind": i.rule.kind,
            "outcome": i.rule.outcome,
        }
        for key, i in INDICATORS.items()
    }
    body = json.dumps(table, ensure_ascii=False, indent=2)
    return (
        "{#- Generated from src/replicate/indicators/catalog.yaml by replicate.indicators.catalog.jinja_source();"
        " do not edit. -#}\n"
        f"{{%- set INDICATORS = {body} -%}}\n"
    )
