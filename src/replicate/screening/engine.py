"""``screen(case, rules, as_of)``: evaluate every pathway in force and combine conditions into verdicts."""

from __future__ import annotations

from datetime import date
from functools import partial

from replicate.caserecord import CaseRecord
from replicate.rules.models import MissingValue
from replicate.rules.ruleset import RuleSet
from replicate.screening.facts import Facts
from replicate.screening.outcome import NOT_MET, UNKNOWN, Ctx, Outcome
from replicate.screening.plan import PathwayPlan, Prepared, Step, prepare
from replicate.screening.result import PathwayResult, ScreeningResult
from replicate.screening.text import Text
from replicate.screening.verdict import decide


def run_step(ctx: Ctx, step: Step) -> Outcome:
    """Run one prepared condition: predicate, then kind and unsettled note (negative → manual review).

    The outcome is stored in the case's memo (keyed by id, kind, unsettled note and, for predicates that
    read the pathway, what they read of it); callers look there first.
    """
    ctx.condition, ctx.params = step.condition, step.params
    try:
        out = step.func(ctx)
    except MissingValue as missing:
        out = Outcome(UNKNOWN, f"für den Stichtag ist kein Wert hinterlegt: {missing}", manual=True)
    if step.reason and out.status == NOT_MET and out.met_from is None and not out.manual:
        detail = Text("{} – {}", out.raw_detail, step.reason)
        out = Outcome(NOT_MET, detail, None, out.met_until, True, out.deadlines)
    ctx.facts.memo[step.key] = out
    return out


def _rest(facts: Facts, prepared: Prepared, plan: PathwayPlan, done: int) -> list[Outcome]:
    """The outcomes of the pathway's conditions after the first ``done`` (deferred by ``screen``)."""
    ctx = Ctx(facts, prepared)
    ctx.pathway, ctx.own_params = plan.pathway, plan.own_params
    memo = facts.memo
    return [memo.get(step.key) or run_step(ctx, step) for step in plan.steps[done:]]


def screen(case: CaseRecord, rules: RuleSet, as_of: date) -> ScreeningResult:
    """Screen one case on ``as_of`` against every pathway in force on that date.

    A pathway's conditions are evaluated in order up to the first firm negative finding, which decides
    the verdict; the rest are evaluated when the result is read in detail (see ``PathwayResult``).
    """
    prepared = prepare(rules, as_of)
    facts = Facts(case, as_of)
    memo = facts.memo
    ctx = Ctx(facts, prepared)
    pathways: dict[str, PathwayResult] = {}
    for plan in prepared.pathways:
        ctx.pathway, ctx.own_params = plan.pathway, plan.own_params
        outcomes: list[Outcome] = []
        for step in plan.steps:
            out = memo.get(step.key)  # shared bars are evaluated once per case
            if out is None:
                out = run_step(ctx, step)
            outcomes.append(out)
            if out.status == NOT_MET and out.met_from is None and not out.manual:
                break  # firmly not met: "nicht möglich" (see ``decide``)
        if len(outcomes) < len(plan.steps):
            rest = partial(_rest, facts, prepared, plan, len(outcomes))
            result = PathwayResult(plan.pathway, "nicht möglich", None, plan.conditions, outcomes, rest)
        else:
            verdict, possible_from = decide(outcomes)
            result = PathwayResult(plan.pathway, verdict, possible_from, plan.conditions, outcomes)
        pathways[plan.pathway.id] = result
    return ScreeningResult(case_id=case.case_id, as_of=as_of, pathways=pathways)


__all__ = ["prepare", "run_step", "screen"]
