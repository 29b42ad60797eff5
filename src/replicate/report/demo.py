"""A synthetic caseload for trying the report: plausible case histories, every case id marked ``SYNTH-``.

No real person is behind any row. The histories follow the rules of the case record (dates in order,
decisions only after an application under the same pathway, nothing after closing unless reopened).
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from replicate.report.caseload import EVENT_FIELDS, caseload_header
from replicate.report.vocabulary import SYNTHETIC_PREFIX

SLOTS = 12
"""History events per row in the CSV layout (a synthetic history never has more)."""

_NATIONALITIES = ["AF", "SY", "IQ", "IR", "RU", "GE", "AM", "AZ", "VN", "LB", "ER", "SO", "NG", "PK", "TR", "RS", "XK",
                  "MK", "AL", "IN", "staatenlos", "ungeklaert"]  # fmt: skip
_NAT_WEIGHTS = [14, 10, 9, 7, 8, 6, 5, 3, 4, 4, 3, 3, 3, 3, 5, 4, 3, 2, 2, 2, 3, 2]
_GENDERS = ["weiblich", "maennlich", "divers", "keine_angabe", ""]
_GENDER_WEIGHTS = [34, 58, 1, 3, 4]
_PATHWAYS = ["p25b", "p25a", "p104c", "p19d", "p25_5", "p25b_6", "p25a_2", "p16g"]
_PATH_WEIGHTS = [40, 14, 12, 10, 8, 6, 5, 5]
_ROUTES = ["auslaenderbehoerde", "selbst", "andere_organisation"]
_RESULTS = ["erteilt", "abgelehnt", "zurueckgenommen"]
_REASONS = ["aufenthalt_gesichert", "ausreise", "kein_kontakt", "weitervermittelt", "sonstiges"]


def _event(day: date, kind: str, **fields: Any) -> dict[str, Any]:
    return {"date": day.isoformat(), "type": kind, **fields}


def _history(rng: random.Random, first: date, horizon: date) -> list[dict[str, Any]]:
    day = first
    events = [
        _event(day, "verweisung", referral_by=rng.choices(_ROUTES, [55, 30, 15])[0]),
        _event(day, "erstberatung"),
    ]

    def later(lo: int, hi: int) -> date | None:
        nonlocal day
        nxt = day + timedelta(days=rng.randint(lo, hi))
        if nxt > horizon:
            return None
        day = nxt
        return day

    for _ in range(rng.choices([0, 1, 2, 3], [30, 35, 22, 13])[0]):
        if (d := later(7, 60)) is None:
            return events
        events.append(_event(d, "folgeberatung"))
    if rng.random() < 0.12 and (d := later(3, 30)):
        events.append(_event(d, "fallkonferenz", consent=rng.random() < 0.9))
    roll = rng.random()
    if roll < 0.08 and (d := later(10, 90)):
        events.append(_event(d, "duldung_erteilt", pathway=rng.choice(["p60c", "p60d"])))
    elif roll < 0.13 and (d := later(10, 90)):
        events.append(_event(d, "haertefall_eingabe"))
        if rng.random() < 0.7 and (d := later(60, 200)):
            events.append(
                _event(
                    d,
                    "haertefall_ergebnis",
                    result=rng.choices(["ersuchen", "kein_ersuchen", "nicht_angenommen"], [60, 30, 10])[0],
                )
            )
    elif roll < 0.63 and (d := later(14, 150)):
        pathway = rng.choices(_PATHWAYS, _PATH_WEIGHTS)[0]
        events.append(_event(d, "antrag", pathway=pathway))
        if rng.random() < 0.75 and (d := later(30, 240)):
            result = rng.choices(_RESULTS, [72, 18, 10])[0]
            events.append(_event(d, "entscheidung", pathway=pathway, result=result))
            if result == "erteilt" and rng.random() < 0.6 and (d := later(5, 40)):
                events.append(_event(d, "abschluss", reason="aufenthalt_gesichert"))
                return events
    if rng.random() < 0.15 and (d := later(30, 200)):
        events.append(_event(d, "abschluss", reason=rng.choice(_REASONS)))
    return events[:SLOTS]


def demo_persons(count: int, seed: int, start: date) -> Iterator[dict[str, Any]]:
    """``count`` synthetic case records (version 2 fields the report reads), first contacts over two years."""
    rng = random.Random(seed)
    horizon = start + timedelta(days=729)
    width = len(str(count))
    for n in range(1, count + 1):
        first = start + timedelta(days=rng.randint(0, 700))
        yield {
            "schema_version": "2",
            "case_id": f"{SYNTHETIC_PREFIX}{n:0{max(6, width)}d}",
            "nationality": rng.choices(_NATIONALITIES, _NAT_WEIGHTS)[0],
            "gender": rng.choices(_GENDERS, _GENDER_WEIGHTS)[0] or None,
            "birth_date": date(rng.randint(1965, 2006), rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
            "history": _history(rng, first, horizon),
        }


def _csv_row(record: dict[str, Any]) -> list[str]:
    row = [
        record["schema_version"],
        record["case_id"],
        record["nationality"],
        record["gender"] or "",
        record["birth_date"],
    ]
    for k in range(SLOTS):
        event = record["history"][k] if k < len(record["history"]) else {}
        for name in EVENT_FIELDS:
            value = event.get(name, "")
            row.append("true" if value is True else "false" if value is False else str(value))
    return row


def write_demo_caseload(
    dest: Path, count: int, seed: int, start: date, progress: Callable[[int], None] | None = None
) -> Path:
    """Write a synthetic caseload to ``dest`` (``.csv`` or ``.jsonl``) through a temporary file."""
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            if dest.suffix.lower() == ".csv":
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(caseload_header(SLOTS))
                for n, record in enumerate(demo_persons(count, seed, start), start=1):
                    writer.writerow(_csv_row(record))
                    if progress and n % 10_000 == 0:
                        progress(n)
            else:
                for n, record in enumerate(demo_persons(count, seed, start), start=1):
                    record = {**record, "gender": record["gender"]}
                    fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
                    if progress and n % 10_000 == 0:
                        progress(n)
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest
