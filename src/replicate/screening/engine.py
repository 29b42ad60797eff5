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
from replicate.screening.outcome import MET, NOT_MET, PREDICATES, UNKNOWN, Ctx, Outcome
from replicate.screening.result import ConditionResult, PathwayResult, ScreeningResult
from replicate.screening.verdict import decide


def evaluate(ctx: Ctx) -> Outcome:
    """Run the predicate of ``ctx.condition`` and apply the condition's kind and unsettled note."""
    cond = ctx.condition
    func = PREDICATES.get(cond.id)
    if func is None:
        raise RulesError(None, [Problem(f"keine Prüflogik für Bedingung {cond.id}", cond.id)])
    try:
        out = func(ctx)
    except MissingValue as missing:
        return Outcome(UNKNOWN, f"für den Stichtag ist kein Wert hinterlegt: {missing}", manual=True)
    if out.status == NOT_MET and out.met_from is None:
        if cond.unsettled:
            out.manual, out.detail = True, f"{out.detail} – {cond.unsettled}"
        elif cond.kind == "ermessen":
            out.manual, out.detail = True, f"{out.detail} – Entscheidung im Ermessen der Behörde"
    return out


def _screen_pathway(facts: Facts, pathway: Pathway, conds: list[Condition], rules: RuleSet) -> PathwayResult:
    results: list[tuple[Condition, Outcome]] = []
    for cond in conds:
        out = evaluate(Ctx(facts, cond, pathway, rules))
        results.append((cond, out))
    verdict, possible_from = decide([(c.kind, o) for c, o in results])
    blocking = [c.id for c, o in results if o.status != MET]
    steps = [c.next_step for c, o in results if o.status != MET and c.next_step]
    deadlines = sorted({d for _, o in results for d in o.deadlines})
    discretion = pathway.grant_kind in ("kann", "ersuchen") or any(
        c.kind == "ermessen" and o.status == MET for c, o in results
    )
    return PathwayResult(
        id=pathway.id,
        title=pathway.title,
        reference=pathway.reference,
        grant_kind=pathway.grant_kind,
        verdict=verdict,
        possible_from=possible_from,
        discretion=discretion or pathway.grant_kind in ("soll", "regel"),
        conditions=[
            ConditionResult(
                c.id,
                c.label,
                c.reference,
                c.kind,
                o.status,
                o.detail,
                o.manual,
                o.met_from,
                c.next_step if o.status != MET else "",
                list(c.evidence),
            )
            for c, o in results
        ],
        blocking=blocking,
        next_steps=steps,
        deadlines=deadlines,
    )


def screen(case: CaseRecord, rules: RuleSet, as_of: date) -> ScreeningResult:
    """Screen one case on ``as_of`` against every pathway in force on that date."""
    facts = Facts(case, as_of)
    pathways = {
        pid: _screen_pathway(facts, rules.pathways[pid], conds, rules)
        for pid, conds in rules.in_force(as_of).items()
    }
    return ScreeningResult(case_id=case.case_id, as_of=as_of, pathways=pathways)


__all__ = ["MET", "NOT_MET", "UNKNOWN", "screen"]
