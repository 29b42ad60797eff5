"""Predicates of § 19d Abs. 1, § 25 Abs. 5, § 23a and the § 104c transition."""

from __future__ import annotations

from datetime import date

from replicate.caserecord import LEVEL_ORDER
from replicate.screening.intervals import ONE_DAY, add_months, chain_start
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, flag, fmt, predicate
from replicate.screening.pred_bars import crim_50_90
from replicate.screening.pred_p25b import level_at_least
from replicate.screening.pred_p60d import public_funds
from replicate.screening.stay import TOLERATED_KINDS, holder_deadlines, stay


@predicate("p19d.status", "p25_5.enforceable", "p23a.enforceable")
def tolerated(ctx: Ctx) -> Outcome:
    if ctx.facts.geduldet:
        return Outcome(MET, "geduldet am Stichtag")
    if not ctx.facts.known_status:
        return Outcome(UNKNOWN, "Status unbekannt")
    return Outcome(NOT_MET, "am Stichtag nicht geduldet")


def _work(ctx: Ctx, years: int, what: str, **flags: bool) -> Outcome:
    start = chain_start(ctx.facts.job_spans(0, social_insurance=False, **flags), ctx.as_of)
    if start is None:
        return Outcome(NOT_MET, f"keine {what} am Stichtag")
    done = add_months(start, 12 * years)
    text = f"{what} seit {fmt(start)}, {years} Jahre am {fmt(done)}"
    return Outcome(MET, text) if done <= ctx.as_of else Outcome(NOT_MET, text, met_from=done)


def _no_funds(ctx: Ctx, work: Outcome) -> Outcome:
    """§ 19d Abs. 1 Nr. 1 Buchst. c: no public funds (except housing costs) in the last year."""
    if work.status == NOT_MET and work.met_from is None:
        return work
    funds = public_funds(ctx, extra_harmless=("kdu",))
    if funds is None:
        return Outcome(UNKNOWN, "Leistungsbezug im letzten Jahr unbekannt")
    months = ctx.p("no_funds_months")
    last = max((e for s, e in funds if s <= ctx.as_of), default=None)
    if last is None or last < add_months(ctx.as_of, -months):
        return work
    if last >= ctx.as_of:
        return Outcome(NOT_MET, "bezieht derzeit öffentliche Mittel")
    free = add_months(last + ONE_DAY, months)
    return Outcome(NOT_MET, f"öffentliche Mittel bis {fmt(last)}", met_from=max(free, work.met_from or free))


@predicate("p19d.qualification")
def qualification(ctx: Ctx) -> Outcome:
    edu = ctx.facts.case.education
    if edu.vocational_qualification_germany:
        return Outcome(MET, "Ausbildung oder Studium in Deutschland abgeschlossen (Buchst. a)")
    options: list[Outcome] = []
    if edu.foreign_degree_recognised:
        years = ctx.p("work_years_foreign_degree")
        options.append(_work(ctx, years, "angemessene Beschäftigung", matches_qualification=True))
    qualified = _work(ctx, ctx.p("work_years_qualified"), "qualifizierte Beschäftigung", qualified=True)
    options.append(_no_funds(ctx, qualified))
    if any(o.status == MET for o in options):
        return next(o for o in options if o.status == MET)
    dates: list[date] = [o.met_from for o in options if o.met_from]
    if dates:
        return Outcome(NOT_MET, "; ".join(o.detail for o in options), met_from=min(dates))
    if edu.vocational_qualification_germany is None or any(o.status == UNKNOWN for o in options):
        return Outcome(UNKNOWN, "Abschluss oder Beschäftigungszeiten unklar")
    return Outcome(NOT_MET, "; ".join(o.detail for o in options))


@predicate("p19d.housing")
def housing(ctx: Ctx) -> Outcome:
    return flag(
        ctx.facts.case.livelihood.adequate_housing,
        "ausreichender Wohnraum",
        "Wohnraum nicht ausreichend",
        "Wohnraum unbekannt",
    )


@predicate("p19d.language")
def language(ctx: Ctx) -> Outcome:
    need, lang = ctx.p("level"), ctx.facts.case.language
    both = [lv for lv in (lang.oral, lang.written) if lv]
    # B1 (§ 2 Abs. 11) covers all four skills: the weaker of oral and written counts
    have = min(both, key=lambda lv: LEVEL_ORDER[lv or "A1"]) if len(both) == 2 else None
    return flag(
        level_at_least(have, need),
        f"Deutsch {have}",
        f"Deutsch unter {need}",
        "Sprachniveau (mündlich und schriftlich) unbekannt",
    )


@predicate("p19d.no_deception", "p19d.no_obstruction", "p25_5.no_fault")
def no_deception(ctx: Ctx) -> Outcome:
    ident, removal = ctx.facts.case.identity, ctx.facts.case.removal
    if ident.deception_current or (ctx.condition.id == "p25_5.no_fault" and removal.obstacle_self_caused):
        return Outcome(NOT_MET, "Täuschung, Behinderung oder selbst zu vertretendes Hindernis")
    if ident.deception_current is None or (
        ctx.condition.id == "p25_5.no_fault" and removal.obstacle_self_caused is None
    ):
        return Outcome(UNKNOWN, "Angaben zu Täuschung/Mitwirkung fehlen")
    if ident.deception_past and ctx.condition.id != "p25_5.no_fault":
        return Outcome(NOT_MET, "frühere Täuschung: Ausnahme nach § 104 Abs. 15 prüfen", manual=True)
    return Outcome(MET, "keine Täuschung oder Behinderung")


@predicate("p25_5.impossible")
def impossible(ctx: Ctx) -> Outcome:
    removal = ctx.facts.case.removal
    if removal.departure_impossible is False or removal.obstacle_ends_soon:
        return Outcome(NOT_MET, "Ausreise möglich oder Hindernis fällt absehbar weg")
    if removal.departure_impossible is None or removal.obstacle_ends_soon is None:
        return Outcome(UNKNOWN, "Ausreisehindernis nicht bewertet")
    return Outcome(MET, "Ausreise unmöglich, Wegfall nicht absehbar")


@predicate("p25_5.suspended_18m")
def suspended(ctx: Ctx) -> Outcome:
    out = stay(ctx, TOLERATED_KINDS, ctx.p("months"), "Duldung")
    if out.status == NOT_MET and out.met_from is not None:
        return Outcome(
            NOT_MET,
            out.detail + " – bis dahin Kann-Ermessen",
            manual=True,
            deadlines=[(out.met_from, "ab hier Soll-Erteilung nach § 25 Abs. 5 Satz 2")],
        )
    return out


@predicate("p23a.hardship")
def hardship(ctx: Ctx) -> Outcome:
    factors = ctx.facts.case.hardship.factors
    if not factors:
        return Outcome(UNKNOWN, "keine Härtefallgründe erfasst")
    return Outcome(
        UNKNOWN, "Gründe: " + "; ".join(factors) + " – Bewertung durch die Kommission", manual=True
    )


@predicate("p23a.serious_offences")
def serious_offences(ctx: Ctx) -> Outcome:
    out = crim_50_90(ctx.for_condition(ctx.rules.shared["crim_50_90"]))
    if out.status == NOT_MET:
        return Outcome(NOT_MET, "Verurteilungen über der Geringfügigkeitsgrenze (50/90 Tagessätze)")
    return out


@predicate("p23a.removal_date")
def removal_date(ctx: Ctx) -> Outcome:
    fixed = ctx.facts.case.removal.removal_date_fixed
    return flag(fixed, "kein Termin bekannt", "Rückführungstermin steht fest", "unbekannt", good=False)


@predicate("p23a.member")
def member(ctx: Ctx) -> Outcome:
    value = ctx.facts.case.hardship.member_support
    return flag(value, "Mitglied bringt den Fall ein", "kein Mitglied gefunden", "noch offen")


@predicate("p23a.consent")
def consent(ctx: Ctx) -> Outcome:
    value = ctx.facts.case.hardship.data_protection_consent
    return flag(value, "Einwilligung liegt vor", "Einwilligung verweigert", "Einwilligung fehlt noch")


@predicate("p23a.exclusions")
def exclusions(ctx: Ctx) -> Outcome:
    if ctx.facts.case.asylum.court_pending:
        return Outcome(NOT_MET, "laufendes Asyl- oder Gerichtsverfahren")
    return Outcome(UNKNOWN, "Ausschlussgründe der SächsHFKVO nicht hinterlegt", manual=True)


@predicate("p104c.holder")
def holder(ctx: Ctx) -> Outcome:
    permit = ctx.facts.holder_104c
    if permit is not None:
        return Outcome(MET, "Inhaber einer AE nach § 104c", deadlines=holder_deadlines(ctx))
    pending = ctx.facts.case.applications.p104c_pending_since
    if pending is not None and pending <= ctx.own("grant_possible_until"):
        return Outcome(NOT_MET, f"Antrag vom {fmt(pending)} noch offen – Rechtslage ungeklärt", manual=True)
    return Outcome(NOT_MET, "keine gültige AE nach § 104c; Neuerteilung seit 31.12.2025 ausgeschlossen")
