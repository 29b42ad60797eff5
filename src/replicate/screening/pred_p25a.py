"""Predicates of § 25a AufenthG (Abs. 1, 2, 3, 5, 6)."""

from __future__ import annotations

from datetime import timedelta

from replicate.screening.intervals import add_years
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, Text, flag, predicate
from replicate.screening.pred_p25b import tolerated_or_holder
from replicate.screening.stay import STAY_KINDS, TOLERATED_KINDS, stay


@predicate("p25a.age")
def age(ctx: Ctx) -> Outcome:
    birth = ctx.facts.case.birth_date
    if birth is None:
        return Outcome(UNKNOWN, "Geburtsdatum fehlt")
    limit, minimum = ctx.p("age_limit"), ctx.p("min_age")
    last_day = add_years(birth, limit) - timedelta(days=1)
    deadline = [(last_day, f"letzter Tag für den Antrag nach § 25a (vor dem {limit}. Geburtstag)")]
    if ctx.as_of > last_day:
        return Outcome(
            NOT_MET, Text("{}. Lebensjahr vollendet (Geburtstag {})", limit, add_years(birth, limit))
        )
    start = add_years(birth, minimum)
    if ctx.as_of < start:
        return Outcome(NOT_MET, Text("noch keine {} Jahre alt", minimum), met_from=start, deadlines=deadline)
    return Outcome(MET, Text("Antrag möglich bis {}", last_day), met_until=last_day, deadlines=deadline)


@predicate("p25a.status", "p25a.status_geduldet")
def status(ctx: Ctx) -> Outcome:
    holder = tolerated_or_holder(ctx)
    if ctx.facts.holder_104c is not None and holder.status == MET:
        return holder
    if not ctx.facts.known_status:
        return Outcome(UNKNOWN, "Statushistorie fehlt")
    return stay(ctx, TOLERATED_KINDS, ctx.p("duldung_months"), "Duldung")


@predicate("p25a.residence")
def residence(ctx: Ctx) -> Outcome:
    return stay(ctx, STAY_KINDS, 12 * ctx.p("years"), "Aufenthalt")


@predicate("p25a.school")
def school(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    if case.health.prevents_school:
        return Outcome(MET, "entfällt wegen Krankheit oder Behinderung")
    edu, need = case.education, ctx.p("school_years")
    if edu.german_qualification:
        return Outcome(MET, "anerkannter Schul- oder Berufsabschluss")
    years = edu.school_years_successful
    if years is None:
        return Outcome(UNKNOWN, "Schulbesuch unbekannt")
    if years >= need:
        return Outcome(MET, f"{years:g} Jahre erfolgreicher Schulbesuch")
    if edu.german_qualification is None:
        return Outcome(UNKNOWN, f"{years:g} Jahre Schulbesuch; Abschluss unbekannt")
    return Outcome(NOT_MET, f"nur {years:g} von {need} Jahren erfolgreichen Schulbesuchs")


@predicate("p25a.prognosis")
def prognosis(ctx: Ctx) -> Outcome:
    value = ctx.facts.case.integration_prognosis_positive
    return flag(value, "positive Prognose", "keine positive Integrationsprognose", "Prognose nicht bewertet")


@predicate("p25a.fdgo")
def fdgo(ctx: Ctx) -> Outcome:
    links = ctx.facts.case.security.extremism_links
    return flag(
        links, "keine Anhaltspunkte", "Anhaltspunkte gegen das Bekenntnis", "Angabe fehlt", good=False
    )


@predicate("p25a.refusal_deception")
def refusal_deception(ctx: Ctx) -> Outcome:
    ident = ctx.facts.case.identity
    if ident.deception_current:
        return Outcome(NOT_MET, "Abschiebung wegen eigener Täuschung/falscher Angaben ausgesetzt")
    return flag(ident.deception_current, "keine Täuschung", "", "Angabe zu Täuschung fehlt", good=False)


@predicate("p25a.livelihood")
def livelihood(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    if case.education.in_education:
        return Outcome(MET, "in Schule, Ausbildung oder Studium: Leistungsbezug unschädlich (Satz 2)")
    secured = case.livelihood.secured_now
    return flag(
        secured, "Lebensunterhalt gesichert", "Lebensunterhalt nicht gesichert", "Lebensunterhalt unbekannt"
    )


def no_deception(ctx: Ctx) -> Outcome:
    value = ctx.facts.case.identity.deception_current
    return flag(
        value,
        "keine Täuschung, Mitwirkung erfüllt",
        "Täuschung oder fehlende Mitwirkung",
        "Angabe fehlt",
        good=False,
    )


def own_livelihood(ctx: Ctx) -> Outcome:
    lu = ctx.facts.case.livelihood
    if lu.secured_now is False or (lu.share_covered_by_work is not None and lu.share_covered_by_work < 100):
        return Outcome(NOT_MET, "Lebensunterhalt nicht eigenständig durch Erwerbstätigkeit gesichert")
    if lu.secured_now and lu.share_covered_by_work == 100:
        return Outcome(MET, "Lebensunterhalt durch Erwerbstätigkeit gesichert")
    return Outcome(UNKNOWN, "Lebensunterhalt oder Anteil der Erwerbstätigkeit unbekannt")
