"""``screen(case, rules, as_of)``: evaluate every pathway in force and combine conditions into verdicts."""

from __future__ import annotations

from datetime import date

from replicate.caserecord import CaseRecord
from replicate.errors import Problem, RulesError
from replicate.rules.models import Condition, MissingValue, Pathway
from replicate.rules.ruleset import RuleSet
from replicate.screening import (  # noqa: F401  (importing registers the predicates)
    pred_bars,
    pred_other,
    pred_p25a,
    pred_p25b,
    pred_p60d,
    pred_training,
)
from replicate.screening.facts import Facts
from replicate.screening.outcome import NOT_MET, PREDICATES, PURE, UNKNOWN, Ctx, Outcome, Predicate
from replicate.screening.result import PathwayResult, ScreeningResult
from replicate.screening.verdict import decide

Step = tuple[Condition, Predicate, tuple[str, str, str | None], bool, str]
"""A prepared condition: the rule, its predicate, memo key, whether pure, and the manual-review reason."""
Plan = list[tuple[Pathway, list[Step], list[Condition]]]
_PLANS: dict[tuple[int, date], tuple[RuleSet, Plan]] = {}


def _step(cond: Condition) -> Step:
    func = PREDICATES.get(cond.id)
    if func is None:
        raise RulesError(None, [Problem(f"keine Prüflogik für Bedingung {cond.id}", cond.id)])
    reason = cond.unsettled or ("Entscheidung im Ermessen der Behörde" if cond.kind == "ermessen" else "")
    return (cond, func, (cond.id, cond.kind, cond.unsettled), cond.id in PURE, reason)


def plan(rules: RuleSet, as_of: date) -> Plan:
    """The pathways and prepared conditions in force on ``as_of`` (cached per rule set and date)."""
    key = (id(rules), as_of)
    cached = _PLANS.get(key)
    if cached is None or cached[0] is not rules:
        steps = [
            (rules.pathways[pid], [_step(c) for c in conds], conds)
            for pid, conds in rules.in_force(as_of).items()
        ]
        cached = _PLANS[key] = (rules, steps)
    return cached[1]


def evaluate(ctx: Ctx, step: Step) -> Outcome:
    """Run one prepared condition: predicate, then kind and unsettled note (negative → manual review).

    Pathway-independent predicates are evaluated once per case (memo keyed by id, kind, unsettled).
    """
    _, func, key, pure, reason = step
    memo = ctx.facts.memo
    out: Outcome | None = memo.get(key)
    if out is not None:
        return out
    try:
        out = func(ctx)
    except MissingValue as missing:
        out = Outcome(UNKNOWN, f"für den Stichtag ist kein Wert hinterlegt: {missing}", manual=True)
    if reason and out.status == NOT_MET and out.met_from is None and not out.manual:
        out = Outcome(NOT_MET, f"{out.detail} – {reason}", None, out.met_until, True, out.deadlines)
    if pure:
        memo[key] = out
    return out


def screen(case: CaseRecord, rules: RuleSet, as_of: date) -> ScreeningResult:
    """Screen one case on ``as_of`` against every pathway in force on that date."""
    facts = Facts(case, as_of)
    memo = facts.memo
    pathways: dict[str, PathwayResult] = {}
    for pathway, steps, conds in plan(rules, as_of):
        ctx = Ctx(facts, steps[0][0], pathway, rules)
        outcomes = []
        for step in steps:
            out = memo.get(step[2])  # shared bars are evaluated once per case
            if out is None:
                ctx.condition = step[0]
                out = evaluate(ctx, step)
            outcomes.append(out)
        verdict, possible_from = decide(outcomes)
        pathways[pathway.id] = PathwayResult(pathway, verdict, possible_from, conds, outcomes)
    return ScreeningResult(case_id=case.case_id, as_of=as_of, pathways=pathways)


__all__ = ["evaluate", "plan", "screen"]
