"""The engine's shortcuts change nothing: deferred conditions, shared outcomes, lazy detail texts."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import replicate.screening as screening_pkg
from replicate.caserecord import parse_case
from replicate.rules import load_rules
from replicate.screening import screen
from replicate.screening.engine import prepare, run_step
from replicate.screening.facts import Facts
from replicate.screening.outcome import Ctx, Outcome
from replicate.screening.text import Text
from replicate.screening.verdict import decide

from .rule_strategies import cases

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RULES = load_rules()


def _fields(o: Outcome) -> tuple[object, ...]:
    return (o.status, o.detail, o.met_from, o.met_until, o.manual, sorted(o.deadlines))


@FAST
@given(cases(), st.dates(date(2023, 1, 1), date(2030, 12, 31)), st.booleans())
def test_results_equal_those_of_every_condition_evaluated_on_its_own(data, as_of, ban):
    record = parse_case({**data, "security": {**data["security"], "entry_ban_p11": ban}})
    result = screen(record, RULES, as_of)
    prepared = prepare(RULES, as_of)
    for plan in prepared.pathways:
        fresh = []
        for step in plan.steps:  # a new context and memo for every condition: nothing shared, nothing skipped
            ctx = Ctx(Facts(record, as_of), prepared)
            ctx.pathway, ctx.own_params = plan.pathway, plan.own_params
            fresh.append(run_step(ctx, step))
        got = result.pathways[plan.pathway.id]
        assert (got.verdict, got.possible_from) == decide(fresh)
        assert [_fields(o) for o in got.outcomes] == [_fields(o) for o in fresh]


def test_text_formats_dates_and_numbers_like_an_f_string():
    day = date(2026, 3, 5)
    assert str(Text("{} seit {}, {:g} %", "Duldung", day, 12.0)) == f"Duldung seit 05.03.2026, {12.0:g} %"
    assert str(Text("{} – {}", Text("am {}", day), "Grund")) == "am 05.03.2026 – Grund"


def test_prepared_plans_live_on_the_rule_set_and_are_dropped_when_it_changes():
    day = date(2027, 1, 1)
    first = prepare(RULES, day)
    assert prepare(RULES, day) is first
    copy = dataclasses.replace(RULES, sources=dict(RULES.sources))
    copy.resolve_all()
    assert prepare(copy, day) is not first
    assert prepare(copy, day).rules is copy


def test_screening_modules_do_not_import_the_package_or_case_record_internals():
    folder = Path(screening_pkg.__file__).parent
    for path in folder.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "from replicate.screening import" not in text or path.name == "__init__.py", path.name
        assert "caserecord._base" not in text, path.name
