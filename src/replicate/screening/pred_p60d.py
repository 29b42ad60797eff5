"""Predicates of § 60d AufenthG (Beschäftigungsduldung)."""

from __future__ import annotations

from datetime import date

from replicate.screening.facts import Facts
from replicate.screening.intervals import (
    FAR_FUTURE,
    ONE_DAY,
    Span,
    add_months,
    chain_start,
    merge,
)
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, Text, flag, predicate
from replicate.screening.pred_p25b import level_at_least
from replicate.screening.pred_training import LATE_STEP, steps_in_time
from replicate.screening.stay import TOLERATED_KINDS, stay


@predicate("p60d.entry")
def entry(ctx: Ctx) -> Outcome:
    entered, by = ctx.facts.case.entry_date, ctx.p("entry_by")
    if entered is None:
        return Outcome(UNKNOWN, "Einreisedatum fehlt")
    if entered <= by:
        return Outcome(MET, Text("eingereist am {} (Stichtag {})", entered, by))
    return Outcome(NOT_MET, Text("eingereist am {}, nach dem Stichtag {}", entered, by))


@predicate("p60d.identity")
def identity(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    entered, ident = case.entry_date, case.identity
    if entered is None or ident.clarified is None:
        return Outcome(UNKNOWN, "Einreisedatum oder Stand der Identitätsklärung fehlt")
    deadline: date = ctx.as_of if entered <= ctx.p("early_entry_until") else min(ctx.p("deadline"), ctx.as_of)
    in_time = steps_in_time(ident, deadline)
    if ident.clarified and (ident.clarified_on is None or ident.clarified_on <= deadline):
        if ident.clarified_on is None and deadline < ctx.as_of:
            return Outcome(UNKNOWN, Text("Datum der Identitätsklärung fehlt (Frist {})", deadline))
        return Outcome(MET, Text("Identität fristgerecht geklärt (Frist {})", deadline))
    if in_time and ident.clarified:
        return Outcome(MET, "Frist gilt als gewahrt: alle zumutbaren Schritte rechtzeitig unternommen")
    if in_time or ident.steps_completed_on is not None:
        when = "" if in_time else Text(" (erst am {}, Frist {})", ident.steps_completed_on, deadline)
        return Outcome(
            NOT_MET,
            Text("alle zumutbaren Schritte unternommen{}: Duldung nach Abs. 4 im Ermessen", when),
            manual=True,
            step="" if in_time else LATE_STEP,
        )
    if in_time is None:
        return Outcome(UNKNOWN, "unbekannt, ob alle zumutbaren Schritte rechtzeitig unternommen wurden")
    return Outcome(NOT_MET, Text("Identität nicht bis {} geklärt", deadline))


@predicate("p60d.duldung")
def duldung(ctx: Ctx) -> Outcome:
    return stay(ctx, TOLERATED_KINDS, ctx.p("months"), "Duldung")


def work_chain(facts: Facts, hours: float) -> date | None:
    """Start of the uninterrupted chain of social-insurance jobs with at least ``hours`` covering the day."""
    return chain_start(facts.job_spans(hours), facts.as_of)


@predicate("p60d.employment")
def employment(ctx: Ctx) -> Outcome:
    months, hours = ctx.p("months"), ctx.p("hours")
    start = work_chain(ctx.facts, hours)
    if start is None:
        if not ctx.facts.jobs_known:
            return Outcome(UNKNOWN, "Angaben zur Beschäftigung fehlen (nicht erfragt)")
        if not ctx.facts.case.employment.jobs:
            return Outcome(NOT_MET, "keine Beschäftigung erfasst")
        return Outcome(
            NOT_MET, Text("am Stichtag keine SV-pflichtige Beschäftigung mit ≥ {} Std./Woche", hours)
        )
    done = add_months(start, months)
    text = Text("beschäftigt (≥ {} Std./Woche) seit {}; {} Monate erreicht am {}", hours, start, months, done)
    return Outcome(MET, text) if done <= ctx.as_of else Outcome(NOT_MET, text, met_from=done)


def public_funds(ctx: Ctx, extra_harmless: tuple[str, ...] = ()) -> list[Span] | None:
    """Spans of benefits that count as public funds (§ 2 Abs. 3), or None if unknown."""
    periods = ctx.facts.case.livelihood.benefit_periods
    if periods is None:
        return None
    harmless = set(ctx.shared("not_public_funds")) | set(extra_harmless)
    return merge((p.start, p.end or FAR_FUTURE) for p in periods if p.kind not in harmless)


@predicate("p60d.livelihood_past")
def livelihood_past(ctx: Ctx) -> Outcome:
    months = ctx.p("months")
    funds = public_funds(ctx)
    if funds is None:
        return Outcome(UNKNOWN, "Leistungsbezug der letzten zwölf Monate unbekannt")
    window_start = add_months(ctx.as_of, -months)
    last = max((e for s, e in funds if s < ctx.as_of), default=None)
    if last is None or last < window_start:
        return Outcome(MET, Text("keine öffentlichen Mittel seit {}", window_start))
    if last >= ctx.as_of:
        return Outcome(NOT_MET, "bezieht derzeit öffentliche Mittel")
    free_from = last + ONE_DAY
    return Outcome(NOT_MET, Text("öffentliche Mittel bis {}", last), met_from=add_months(free_from, months))


@predicate("p60d.livelihood_now")
def livelihood_now(ctx: Ctx) -> Outcome:
    funds = public_funds(ctx)
    if funds is not None and any(s <= ctx.as_of <= e for s, e in funds):
        return Outcome(NOT_MET, "bezieht derzeit öffentliche Mittel")
    return flag(ctx.facts.case.livelihood.secured_now, "gesichert", "nicht gesichert", "unbekannt")


@predicate("p60d.language")
def language(ctx: Ctx) -> Outcome:
    need, have = ctx.p("level"), ctx.facts.case.language.oral
    return flag(
        level_at_least(have, need),
        Text("mündlich {}", have),
        Text("mündlich unter {}", need),
        "Sprachniveau unbekannt",
    )


@predicate("p60d.children")
def children(ctx: Ctx) -> Outcome:
    kids = ctx.facts.case.household.children
    if kids is None:
        return Outcome(UNKNOWN, "Angaben zu Kindern fehlen")
    if any(c.serious_offence for c in kids):
        return Outcome(NOT_MET, "ein Kind erfüllt § 54 Abs. 2 Nr. 1–2 oder § 29 BtMG")
    first = ctx.of("p25b.school_children", "school_age_from")
    last = ctx.of("p25b.school_children", "school_age_until")
    seen = ctx.facts.school_age_children(first, last) or []
    if False in seen:
        return Outcome(NOT_MET, "ein schulpflichtiges Kind besucht die Schule nicht")
    if None in seen:
        return Outcome(UNKNOWN, "Schulbesuch eines Kindes unbekannt")
    return Outcome(MET, "Kinder: keine Einwände")


@predicate("p60d.integration_course")
def integration_course(ctx: Ctx) -> Outcome:
    lang = ctx.facts.case.language
    if lang.integration_course_obliged is False or lang.integration_course_completed:
        return Outcome(MET, "nicht verpflichtet oder erfolgreich abgeschlossen")
    if lang.integration_course_obliged is None or lang.integration_course_completed is None:
        return Outcome(UNKNOWN, "Angaben zum Integrationskurs fehlen")
    return Outcome(NOT_MET, "verpflichtender Integrationskurs nicht abgeschlossen")
