"""Benchmark: parse 100 000 generated case records, then parse and screen them; print the ratio.

Run: ``python benchmarks/bench_screen.py [N]``. Target: screening costs at most 5× parsing.
Screening evaluates each pathway up to its first firm negative finding; reading the blocking conditions
(as the caseload CLI does) evaluates the rest, which the second ratio shows.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from replicate.caserecord import CaseRecord, iter_caseload
from replicate.rules import load_rules
from replicate.screening import screen

AS_OF = date(2026, 11, 25)
KINDS = ["gestattung", "duldung", "duldung", "duldung_60b", "duldung_60d", "ae_104c", "fiktion"]


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _periods(rng: random.Random) -> list[dict[str, Any]]:
    start = _day(rng, date(2010, 1, 1), date(2026, 6, 1))
    out: list[dict[str, Any]] = []
    for i in range(rng.randint(1, 4)):
        kind = rng.choice(KINDS)
        if i == 3 or rng.random() < 0.3:
            out.append({"kind": kind, "start": start.isoformat()})
            break
        end = start + timedelta(days=rng.randint(30, 1200))
        out.append({"kind": kind, "start": start.isoformat(), "end": end.isoformat()})
        start = end + timedelta(days=rng.choice([1, 1, 1, 20]))
    return out


def make_case(rng: random.Random, n: int) -> dict[str, Any]:
    """One valid, randomly filled case record (as JSON-like dict)."""
    periods = _periods(rng)
    maybe = [True, False, None]
    return {
        "case_id": f"B-{n}",
        "birth_date": _day(rng, date(1960, 1, 1), date(2010, 1, 1)).isoformat(),
        "entry_date": periods[0]["start"],
        "status_periods": periods,
        "asylum": {"outcome": rng.choice(["abgelehnt", "abgelehnt_offensichtlich_unbegruendet", "laufend"])},
        "identity": {
            "clarified": rng.choice(maybe),
            "passport": rng.choice(["gueltig", "keiner"]),
            "deception_current": rng.choice([False, False, True]),
            "all_reasonable_steps": rng.choice(maybe),
        },
        "household": {
            "children": [
                {
                    "birth_date": _day(rng, date(2005, 1, 1), date(2024, 1, 1)).isoformat(),
                    "attends_school": rng.choice(maybe),
                }
                for _ in range(rng.randint(0, 3))
            ]
        },
        "language": {
            "oral": rng.choice(["A1", "A2", "B1", None]),
            "written": rng.choice(["A1", "A2", "B1"]),
            "fdgo_declaration": rng.choice(maybe),
            "civic_knowledge": rng.choice(maybe),
        },
        "education": {"school_years_successful": rng.randint(0, 6), "in_education": rng.choice(maybe)},
        "employment": {
            "jobs": [
                {
                    "start": _day(rng, date(2018, 1, 1), AS_OF).isoformat(),
                    "hours_per_week": rng.randint(5, 40),
                    "social_insurance": rng.random() < 0.8,
                }
                for _ in range(rng.randint(0, 2))
            ]
        },
        "livelihood": {
            "share_covered_by_work": rng.randint(0, 100),
            "secured_now": rng.choice(maybe),
            "benefit_periods": [
                {
                    "kind": rng.choice(["asylblg", "sgb2", "kindergeld"]),
                    "start": "2020-01-01",
                    "end": _day(rng, date(2020, 1, 2), AS_OF).isoformat(),
                }
            ],
        },
        "convictions": [
            {
                "convicted_on": _day(rng, date(2012, 1, 1), AS_OF).isoformat(),
                "day_fines": rng.randint(5, 120),
                "foreigner_only": rng.random() < 0.5,
            }
            for _ in range(rng.choice([0, 0, 0, 1, 2]))
        ],
        "security": {"entry_ban_p11": rng.random() < 0.05, "p54_abs1_nr2_or_4": False, "order_58a": False},
    }


def main(n: int = 100_000) -> None:
    rng = random.Random(20261125)
    data = [make_case(rng, i) for i in range(n)]
    rules = load_rules()
    screen(CaseRecord.model_validate(data[0]), rules, AS_OF)  # warm up caches and imports
    with tempfile.TemporaryDirectory() as tmp:
        caseload = Path(tmp) / "faelle.jsonl"
        caseload.write_text("".join(json.dumps(item) + "\n" for item in data), encoding="utf-8")

        t0 = time.perf_counter()
        for item in data:
            CaseRecord.model_validate(item)
        parse = time.perf_counter() - t0

        t0 = time.perf_counter()
        read = sum(1 for row in iter_caseload(caseload) if row.record is not None)
        parse_file = time.perf_counter() - t0
        assert read == n

        t0 = time.perf_counter()
        for item in data:
            screen(CaseRecord.model_validate(item), rules, AS_OF)
        both = time.perf_counter() - t0

        t0 = time.perf_counter()
        for item in data:  # like ``replicate screen faelle.csv``: every verdict and its blocking conditions
            result = screen(CaseRecord.model_validate(item), rules, AS_OF)
            for p in result.pathways.values():
                _ = p.label, p.blocking
        cli = time.perf_counter() - t0

    screening = both - parse
    print(f"Fälle: {n}")
    print(f"Einlesen (Python-Objekte → Fallmodell): {parse:7.2f} s  = {n / parse:9.0f} Fälle/s")
    print(f"Einlesen aus JSONL-Datei (wie die CLI):  {parse_file:7.2f} s  = {n / parse_file:9.0f} Fälle/s")
    print(f"Einlesen + Prüfen:                       {both:7.2f} s  = {n / both:9.0f} Fälle/s")
    print(f"Einlesen + Prüfen + blockierende Bedingungen: {cli:7.2f} s  = {n / cli:9.0f} Fälle/s")
    print(f"Verhältnis Prüfen+Einlesen / Einlesen (Ziel ≤ 5): {both / parse:6.2f}")
    print(f"Verhältnis mit blockierenden Bedingungen / Einlesen: {cli / parse:6.2f}")
    print(f"Verhältnis Prüfen allein / Einlesen aus Datei:     {screening / parse_file:6.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
