"""Predicates of § 25b AufenthG (Abs. 1, 2, 3, 6, 7, 8)."""

from __future__ import annotations

from replicate.caserecord import LEVEL_ORDER
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, Text, flag, fmt, predicate
from replicate.screening.pred_bars import crim_60d
from replicate.screening.stay import STAY_KINDS, holder_deadlines, stay


@predicate("p25b.status")
def tolerated_or_holder(ctx: Ctx) -> Outcome:
    facts = ctx.facts
    if facts.geduldet:
        return Outcome(MET, "geduldet am Stichtag")
    filed = facts.case.applications.followup_filed_on
    if (
        filed is not None
        and not facts.holder_104c
        and filed <= ctx.shared("p104c_permit_end_latest") < ctx.as_of
    ):
        return Outcome(
            NOT_MET,
            f"Antrag als § 104c-Inhaber am {fmt(filed)} gestellt; ob die Sonderregel nach "
            "ihrem Auslaufen für die Entscheidung fortgilt, ist ungeklärt",
            manual=True,
        )
    if facts.holder_104c is not None:
        if not ctx.holder_privileged():
            return Outcome(NOT_MET, "Sonderregel für § 104c-Inhaber ist am 30.06.2027 ausgelaufen")
        until = min(d for d, _ in holder_deadlines(ctx))
        return Outcome(MET, "Inhaber einer AE nach § 104c", met_until=until, deadlines=holder_deadlines(ctx))
    if not facts.known_status:
        return Outcome(UNKNOWN, "Status am Stichtag unbekannt")
    kinds = ", ".join(sorted(facts.current_kinds)) or "kein Status erfasst"
    return Outcome(NOT_MET, Text("weder geduldet noch § 104c-Inhaber ({})", kinds))


@predicate("p25b.residence")
def residence(ctx: Ctx) -> Outcome:
    years, years_child = ctx.p("years"), ctx.p("years_with_child")
    full = stay(ctx, STAY_KINDS, 12 * years, "Aufenthalt")
    child_until = ctx.facts.minor_children_until()
    if full.status == MET or child_until is None:
        return full
    short = stay(ctx, STAY_KINDS, 12 * years_child, "Aufenthalt (mit minderjährigem Kind)")
    if short.status == MET:
        return short
    if short.met_from is not None and short.met_from < child_until:
        return short
    return full


@predicate("p25b.fdgo")
def fdgo(ctx: Ctx) -> Outcome:
    lang = ctx.facts.case.language
    if lang.fdgo_declaration is False or lang.civic_knowledge is False:
        return Outcome(NOT_MET, "Bekenntnis oder Grundkenntnisse fehlen")
    if lang.fdgo_declaration is None or lang.civic_knowledge is None:
        return Outcome(UNKNOWN, "Angaben zu Bekenntnis oder Grundkenntnissen fehlen")
    return Outcome(MET, "Bekenntnis abgegeben, Grundkenntnisse nachgewiesen")


@predicate("p25b.livelihood")
def livelihood(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    if case.health.prevents_work_or_language:
        return Outcome(MET, "entfällt wegen Krankheit, Behinderung oder Alter (§ 25b Abs. 3)")
    share, lu = case.livelihood.share_covered_by_work, case.livelihood
    minimum = ctx.p("min_share_percent")
    if share is not None and share >= minimum:
        return Outcome(MET, f"{share:g} % des Bedarfs durch Erwerbstätigkeit gedeckt (mind. {minimum} %)")
    if lu.positive_prognosis:
        return Outcome(MET, "positive Prognose zur Lebensunterhaltssicherung")
    if share is None:
        return Outcome(UNKNOWN, "Anteil des durch Arbeit gedeckten Bedarfs unbekannt")
    text = f"nur {share:g} % durch Erwerbstätigkeit gedeckt (mind. {minimum} %)"
    hh = case.household
    if case.education.in_education or hh.single_parent or hh.cares_for_relative:
        return Outcome(MET, text + "; Leistungsbezug nach § 25b Abs. 1 Satz 3 in der Regel unschädlich")
    if ctx.facts.minor_children_until() is not None:
        return Outcome(NOT_MET, text + "; ob nur vorübergehend (Familie, Satz 3), ist zu prüfen", manual=True)
    return Outcome(NOT_MET, text)


def level_at_least(have: str | None, need: str) -> bool | None:
    """Whether a language level reaches ``need``; None if unknown."""
    return None if have is None else LEVEL_ORDER[have] >= LEVEL_ORDER[need]


@predicate("p25b.language")
def language(ctx: Ctx) -> Outcome:
    if ctx.facts.case.health.prevents_work_or_language:
        return Outcome(MET, "entfällt wegen Krankheit, Behinderung oder Alter (§ 25b Abs. 3)")
    need, have = ctx.p("level"), ctx.facts.case.language.oral
    return flag(
        level_at_least(have, need),
        Text("mündlich {}", have),
        Text("mündlich nur {} (nötig {})", have, need),
        "Sprachniveau unbekannt",
    )


@predicate("p25b.school_children")
def school_children(ctx: Ctx) -> Outcome:
    first, last = (
        ctx.of("p25b.school_children", "school_age_from"),
        ctx.of("p25b.school_children", "school_age_until"),
    )
    seen = ctx.facts.school_age_children(first, last)
    if False in seen:
        return Outcome(NOT_MET, "ein schulpflichtiges Kind besucht die Schule nicht")
    if None in seen:
        return Outcome(UNKNOWN, "Schulbesuch eines schulpflichtigen Kindes unbekannt")
    return Outcome(
        MET, "alle schulpflichtigen Kinder besuchen die Schule" if seen else "keine schulpflichtigen Kinder"
    )


@predicate("p25b.refusal_deception")
def refusal_deception(ctx: Ctx) -> Outcome:
    ident = ctx.facts.case.identity
    if ident.deception_current:
        return Outcome(
            NOT_MET, "Täuschung oder fehlende Mitwirkung verhindert/verzögert die Aufenthaltsbeendigung"
        )
    if ident.deception_current is None:
        return Outcome(UNKNOWN, "Angabe zu Täuschung/Mitwirkung fehlt")
    if ident.deception_past:
        return Outcome(
            NOT_MET, "frühere, beendete Täuschung: ob sie noch sperrt, ist umstritten", manual=True
        )
    return Outcome(MET, "keine Täuschung, Mitwirkung erfüllt")


@predicate("p25b.refusal_expulsion_interest")
def expulsion_interest(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    sec = case.security
    if sec.p54_abs1_nr2_or_4 or sec.p54_abs1_nr3_or_5:
        return Outcome(NOT_MET, "Ausweisungsinteresse nach § 54 Abs. 1 Nr. 2–5")
    if case.convictions is None:
        return Outcome(UNKNOWN, "Angaben zu Verurteilungen fehlen")
    for c in case.convictions:
        if not c.intentional:
            continue
        months = max(c.prison_months or 0, c.youth_sentence_months or 0)
        youth = c.juvenile == "jugendstrafe"
        hit = (
            months >= ctx.p("prison_months_54_1_1")
            or (c.category in ("1a", "1b", "1c") and months >= ctx.p("prison_months_54_1_1abc"))
            or (c.category == "1d" and months >= ctx.p("prison_months_54_1_1d"))
            or (not youth and (c.prison_months or 0) >= ctx.p("prison_months_54_2_1"))
            or (youth and not c.probation and months >= ctx.p("youth_months_54_2_2"))
        )
        if hit:
            text = f"Verurteilung vom {fmt(c.convicted_on)} begründet ein Ausweisungsinteresse (§ 54)"
            return Outcome(NOT_MET, text)
    if sec.p54_abs1_nr2_or_4 is None or sec.p54_abs1_nr3_or_5 is None:
        return Outcome(UNKNOWN, "Angaben zu § 54 Abs. 1 Nr. 2–5 fehlen")
    return Outcome(MET, "kein Ausweisungsinteresse nach § 54 Abs. 1, Abs. 2 Nr. 1–2")


@predicate("p25b.identity_104c", "p25a.identity_104c")
def identity_104c(ctx: Ctx) -> Outcome:
    if ctx.facts.holder_104c is None:
        return Outcome(MET, "nicht einschlägig (kein § 104c-Inhaber)")
    ident = ctx.facts.case.identity
    if ident.clarified:
        return Outcome(MET, "Identität geklärt")
    if ident.clarified is None:
        return Outcome(UNKNOWN, "Angabe zur Identitätsklärung fehlt")
    if ident.all_reasonable_steps:
        return Outcome(NOT_MET, "Identität ungeklärt, alle zumutbaren Schritte unternommen („kann“)")
    return Outcome(NOT_MET, "Identität ungeklärt; zumutbare Schritte nicht nachgewiesen")


@predicate("p25b_6.duldung_60d")
def duldung_60d(ctx: Ctx) -> Outcome:
    if not any(p.kind == "duldung_60d" for p in ctx.facts.case.status_periods):
        return Outcome(NOT_MET, "keine Beschäftigungsduldung")
    out = stay(ctx, frozenset({"duldung_60d"}), ctx.p("months"), "Beschäftigungsduldung")
    if out.status == NOT_MET and out.met_from is None:
        text = "Beschäftigungsduldung am Stichtag nicht gültig – Fortgeltung prüfen"
        return Outcome(NOT_MET, text, None, out.met_until, True, out.deadlines)
    return out


@predicate("p25b_6.still_60d")
def still_60d(ctx: Ctx) -> Outcome:
    hours = ctx.of("p60d.employment", "hours")
    jobs = [s for s in ctx.facts.job_spans(hours) if s[0] <= ctx.as_of <= s[1]]
    parts = [
        Outcome(MET, "beschäftigt")
        if jobs
        else Outcome(NOT_MET, f"keine Beschäftigung ≥ {hours} Std./Woche"),
        flag(ctx.facts.case.livelihood.secured_now, "LU gesichert", "LU nicht gesichert", "LU unbekannt"),
        crim_60d(ctx),
    ]
    firm = [o for o in parts if o.status == NOT_MET and not o.manual]
    if firm:  # a firm negative part decides, even if another part needs a manual review
        return Outcome(NOT_MET, "; ".join(o.detail for o in firm))
    for status in (NOT_MET, UNKNOWN):
        bad = [o for o in parts if o.status == status]
        if bad:
            return Outcome(status, "; ".join(o.detail for o in bad), manual=any(o.manual for o in bad))
    return Outcome(MET, "Voraussetzungen des § 60d weiterhin erfüllt")


@predicate("p25b_6.language")
def language_6(ctx: Ctx) -> Outcome:
    lang, need = ctx.facts.case.language, ctx.p("level")
    oral = level_at_least(lang.oral, need)
    if oral is False:
        return Outcome(NOT_MET, Text("mündlich unter {}", need))
    written = level_at_least(lang.written, need)
    if lang.integration_course_possible and written is False:
        return Outcome(NOT_MET, f"Integrationskurs war möglich: schriftlich {need} nötig")
    if (
        oral is None
        or (lang.integration_course_possible is None and not written)
        or (lang.integration_course_possible and written is None)
    ):
        return Outcome(UNKNOWN, "Sprachniveau oder Möglichkeit eines Integrationskurses unbekannt")
    return Outcome(MET, Text("Deutschkenntnisse {} nachgewiesen", need))
