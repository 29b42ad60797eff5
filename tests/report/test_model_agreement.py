"""The report counts exactly the records the case-record model accepts, and its demo data are valid records."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from replicate.caserecord.readers import parse_case
from replicate.report.demo import demo_persons
from replicate.report.validate import check_person, quickly_valid
from tests.report.helpers import person


def test_demo_caseload_validates_against_the_model():
    for record in demo_persons(400, 9, dt.date(2025, 1, 1)):
        parse_case(record)  # raises on any problem
        assert record["case_id"].startswith("SYNTH-")


_MUTATIONS = [
    ("type", ["antrag", "entscheidung", "wiederaufnahme", "haertefall_ergebnis", "abschluss", "unbekannt"]),
    ("pathway", ["p25b", "p60c", "p23a", "", "p99"]),
    ("result", ["erteilt", "ersuchen", "offen", "", "genehmigt"]),
    ("referral_by", ["selbst", "", "behoerde"]),
    ("consent", [True, False, None]),
    ("reason", ["ausreise", "", "weg"]),
    ("date", ["2024-01-01", "2030-12-31", "2025-02-30"]),
]


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 100_000), changes=st.integers(0, 3))
def test_quick_check_never_accepts_what_the_model_refuses(seed, changes):
    rng = random.Random(seed)
    record = next(iter(demo_persons(1, seed, dt.date(2025, 1, 1))))
    history = [dict(e) for e in record["history"]]
    for _ in range(changes):
        if not history:
            break
        event = rng.choice(history)
        name, values = rng.choice(_MUTATIONS)
        value = rng.choice(values)
        if value in ("", None):
            event.pop(name, None)
        else:
            event[name] = value
    record = {**record, "history": history}
    candidate = person({k: v for k, v in record.items() if k != "schema_version"})
    problems = check_person(candidate)
    if quickly_valid(candidate):
        assert problems == [], [p.render() for p in problems]
