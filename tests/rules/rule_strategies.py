"""Hypothesis strategies for valid case records (shared by the property tests)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

KINDS = ["gestattung", "duldung", "duldung", "duldung_60b", "duldung_60d", "ae_104c"]
AS_OF = date(2026, 11, 25)


@st.composite
def periods(draw: Any, end: date = AS_OF) -> list[dict[str, Any]]:
    """A gap-free chain of status periods ending with an open period."""
    start = draw(st.dates(date(2010, 1, 1), end - timedelta(days=30)))
    out = []
    n = draw(st.integers(1, 4))
    for i in range(n):
        kind = draw(st.sampled_from(KINDS))
        if i == n - 1:
            out.append({"kind": kind, "start": start.isoformat()})
            break
        length = draw(st.integers(30, 900))
        stop = start + timedelta(days=length)
        out.append({"kind": kind, "start": start.isoformat(), "end": stop.isoformat()})
        start = stop + timedelta(days=1)
    return out


conviction = st.fixed_dictionaries(
    {
        "convicted_on": st.dates(date(2012, 1, 1), AS_OF).map(date.isoformat),
        "day_fines": st.one_of(st.none(), st.integers(1, 120)),
        "foreigner_only": st.booleans(),
    },
    optional={
        "prison_months": st.integers(0, 30),
        "juvenile": st.sampled_from(["nein", "jugendstrafe", "sonstige_sanktion"]),
        "probation": st.booleans(),
        "intentional": st.booleans(),
        "category": st.sampled_from(["allgemein", "1a", "1d"]),
    },
)


@st.composite
def cases(draw: Any) -> dict[str, Any]:
    """A valid, fairly complete case record as a dict."""
    chain = draw(periods())
    yes_no = st.booleans()
    return {
        "birth_date": draw(st.dates(date(1960, 1, 1), date(2000, 1, 1))).isoformat(),
        "entry_date": chain[0]["start"],
        "status_periods": chain,
        "asylum": {
            "outcome": draw(st.sampled_from(["abgelehnt", "abgelehnt_offensichtlich_unbegruendet"])),
            "ou_ground": "art42_sonstige",
        },
        "identity": {
            "clarified": draw(yes_no),
            "passport": draw(st.sampled_from(["gueltig", "keiner"])),
            "deception_current": False,
            "deception_past": draw(yes_no),
            "all_reasonable_steps": draw(yes_no),
        },
        "language": {
            "oral": draw(st.sampled_from(["A1", "A2", "B1"])),
            "written": "A2",
            "fdgo_declaration": True,
            "civic_knowledge": draw(yes_no),
            "integration_course_obliged": False,
        },
        "household": {
            "spouse_in_household": False,
            "children": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "birth_date": st.dates(date(2005, 1, 1), date(2024, 1, 1)).map(date.isoformat),
                            "attends_school": st.booleans(),
                        }
                    ),
                    max_size=2,
                )
            ),
        },
        "education": {
            "school_years_successful": draw(st.integers(0, 5)),
            "in_education": draw(yes_no),
            "german_qualification": False,
        },
        "employment": {
            "jobs": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "start": st.dates(date(2018, 1, 1), AS_OF).map(date.isoformat),
                            "hours_per_week": st.integers(5, 40),
                            "social_insurance": st.booleans(),
                        }
                    ),
                    max_size=2,
                )
            )
        },
        "livelihood": {
            "share_covered_by_work": draw(st.integers(0, 100)),
            "secured_now": draw(yes_no),
            "benefit_periods": [],
            "adequate_housing": True,
        },
        "convictions": draw(st.lists(conviction, max_size=2)),
        "integration_prognosis_positive": True,
        "security": {
            "entry_ban_p11": False,
            "p54_abs1_nr2_or_4": False,
            "p54_abs1_nr3_or_5": False,
            "order_58a": False,
            "expulsion_order": False,
            "extremism_links": False,
            "employment_ban_p60a6": False,
        },
        "removal": {
            "imminent_measures": [],
            "departure_impossible": True,
            "obstacle_ends_soon": False,
            "obstacle_self_caused": False,
            "removal_date_fixed": False,
        },
        "hardship": {
            "factors": ["lange Aufenthaltsdauer"],
            "member_support": True,
            "data_protection_consent": True,
        },
    }
