"""Hypothesis properties of the screener."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replicate.caserecord import parse_case
from replicate.rules import load_rules
from replicate.screening import RANK, screen

from .rule_strategies import AS_OF, cases, conviction

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RULES = load_rules()


@FAST
@given(cases(), st.integers(1, 3000))
def test_longer_uninterrupted_stay_never_turns_25b_possible_into_not_possible(data, extra_days):
    before = screen(parse_case(data), RULES, AS_OF).pathways["p25b"]
    longer = copy.deepcopy(data)
    first = longer["status_periods"][0]
    first["start"] = (date.fromisoformat(first["start"]) - timedelta(days=extra_days)).isoformat()
    longer["entry_date"] = first["start"]
    after = screen(parse_case(longer), RULES, AS_OF).pathways["p25b"]
    if before.verdict in ("möglich jetzt", "möglich ab"):
        assert after.verdict != "nicht möglich"
        assert RANK[after.verdict] >= RANK[before.verdict]


@FAST
@given(cases(), conviction)
def test_adding_a_conviction_never_improves_a_verdict(data, extra):
    before = screen(parse_case(data), RULES, AS_OF)
    worse = copy.deepcopy(data)
    worse["convictions"].append(extra)
    after = screen(parse_case(worse), RULES, AS_OF)
    for pid, b in before.pathways.items():
        a = after.pathways[pid]
        assert RANK[a.verdict] <= RANK[b.verdict], (pid, b.verdict, a.verdict)
        if a.verdict == b.verdict == "möglich ab":
            assert a.possible_from >= b.possible_from


@FAST
@given(cases(), st.dates(date(2023, 1, 1), date(2030, 12, 31)))
def test_conditions_past_their_end_date_are_removed(data, as_of):
    result = screen(parse_case(data), RULES, as_of)
    limited = {c.id: c.valid_until for conds in RULES.conditions.values() for c in conds if c.valid_until}
    assert limited, "the rule data has conditions with an end date (§ 104c holder rules)"
    for p in result.pathways.values():
        for c in p.conditions:
            if c.id in limited:
                assert as_of <= limited[c.id]
    for pid, pathway in RULES.pathways.items():
        assert (pid in result.pathways) == pathway.in_force(as_of)


HOLDER = {
    "status_periods": [
        {"kind": "duldung_60b", "start": "2016-01-01", "end": "2025-06-30"},
        {"kind": "ae_104c", "start": "2025-07-01", "end": "2029-12-31"},
    ],
    "convictions": [],
    "household": {"children": []},  # asked: no children (the four-year rule does not apply)
}


@FAST
@given(st.dates(date(2026, 1, 1), date(2029, 12, 31)))
def test_104c_holder_privileges_end_after_30_june_2027(as_of):
    result = screen(parse_case(HOLDER), RULES, as_of)
    status = next(c for c in result.pathways["p25b"].conditions if c.id.startswith("p25b.status"))
    residence = next(c for c in result.pathways["p25b"].conditions if c.id == "p25b.residence")
    if as_of <= date(2027, 6, 30):
        assert status.status == "erfüllt" and residence.status == "erfüllt"
    else:
        assert status.status == "nicht erfüllt"
        assert residence.status == "nicht erfüllt"  # § 60b times no longer count


def test_an_unknown_fine_does_not_hide_a_time_window_that_cannot_close() -> None:
    """Found by hypothesis: a § 104c holder whose residence period is reached only after the holder rules end
    (30.06.2027) cannot get § 25b on that route; a conviction of unknown size must not turn that into
    „Angaben fehlen“."""
    case = json.loads(
        (Path(__file__).parent / "data" / "holder_window_case.json").read_text(encoding="utf-8")
    )
    before = screen(parse_case(case), RULES, AS_OF).pathways["p25b"]
    case["convictions"].append({"convicted_on": "2012-01-01", "day_fines": None, "foreigner_only": False})
    after = screen(parse_case(case), RULES, AS_OF).pathways["p25b"]
    assert (before.verdict, after.verdict) == ("nicht möglich", "nicht möglich")
    assert "p25b.residence" in after.blocking
