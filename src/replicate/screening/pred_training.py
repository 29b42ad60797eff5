"""Predicates of § 60c (Ausbildungsduldung), § 16g and § 19d Abs. 1a."""

from __future__ import annotations

from datetime import date

from replicate.caserecord.parts import Identity
from replicate.screening.intervals import add_months, after_event
from replicate.screening.labels import TRAINING_LABELS
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, flag, fmt, predicate
from replicate.screening.pred_bars import NO_PASSPORT_STEP
from replicate.screening.stay import TOLERATED_KINDS, stay


@predicate("p60c.training")
def training(ctx: Ctx) -> Outcome:
    t = ctx.facts.case.education.training
    if t is None:
        return Outcome(NOT_MET, "keine Ausbildung erfasst")
    if t.kind == "sonstige":
        return Outcome(
            NOT_MET, "keine qualifizierte Berufsausbildung und keine Helferausbildung im Engpassberuf"
        )
    return Outcome(
        MET, f"{TRAINING_LABELS[t.kind]} ({t.occupation or 'Beruf nicht angegeben'}) ab {fmt(t.start)}"
    )


@predicate("p60c.status")
def status(ctx: Ctx) -> Outcome:
    t, facts = ctx.facts.case.education.training, ctx.facts
    if t is not None and t.started_during_asylum:
        outcome = facts.case.asylum.outcome
        if outcome is None:
            return Outcome(UNKNOWN, "Ausgang des Asylverfahrens unbekannt")
        if outcome.startswith("abgelehnt"):
            return Outcome(MET, "als Asylbewerber begonnen, Asylantrag abgelehnt (Nr. 1)")
        return Outcome(NOT_MET, "Asylverfahren nicht abgelehnt: Ausbildungsduldung erst nach Ablehnung")
    if facts.geduldet:
        return Outcome(MET, "geduldet (Nr. 2)")
    if not facts.known_status:
        return Outcome(UNKNOWN, "Status unbekannt")
    return Outcome(NOT_MET, "nicht geduldet")


@predicate("p60c.duldung_3m")
def duldung_3m(ctx: Ctx) -> Outcome:
    t = ctx.facts.case.education.training
    if t is not None and t.started_during_asylum:
        return Outcome(MET, "nicht anwendbar (Fall der Nr. 1)")
    return stay(ctx, TOLERATED_KINDS, ctx.p("months"), "Duldung")


def _identity_deadline(ctx: Ctx, entered: date) -> date:
    if entered <= ctx.p("early_entry_until"):
        return ctx.as_of
    if entered <= ctx.p("mid_entry_until"):
        mid: date = ctx.p("mid_deadline")
        return min(ctx.as_of, mid)
    return min(ctx.as_of, after_event(entered, ctx.p("late_months")))  # from an event: §§ 187 I, 188 II BGB


def steps_in_time(ident: Identity, deadline: date) -> bool | None:
    """Were all necessary and reasonable identity steps taken by the deadline? (date first, then the flag)"""
    if ident.steps_completed_on is not None:
        return ident.steps_completed_on <= deadline
    return ident.all_reasonable_steps


LATE_STEP = (
    "Alle Schritte zur Identitätsklärung mit Datum belegen und die Erteilung trotz Fristversäumnis "
    "beantragen (§ 60c Abs. 7, § 60d Abs. 4: Ermessen)."
)


@predicate("p60c.identity")
def identity(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    entered, ident = case.entry_date, case.identity
    if entered is None or ident.clarified is None:
        return Outcome(UNKNOWN, "Einreisedatum oder Stand der Identitätsklärung fehlt")
    deadline = _identity_deadline(ctx, entered)
    on_time = ident.clarified_on is not None and ident.clarified_on <= deadline
    in_time = steps_in_time(ident, deadline)
    if ident.clarified and (on_time or deadline == ctx.as_of):
        return Outcome(MET, f"Identität fristgerecht geklärt (Frist {fmt(deadline)})")
    if in_time and ident.clarified:
        return Outcome(MET, "Frist gilt als gewahrt: alle zumutbaren Schritte rechtzeitig unternommen")
    if ident.clarified and ident.clarified_on is None:
        return Outcome(UNKNOWN, f"Datum der Identitätsklärung fehlt (Frist {fmt(deadline)})")
    if in_time:
        return Outcome(
            NOT_MET, "alle zumutbaren Schritte unternommen: Erteilung nach Abs. 7 im Ermessen", manual=True
        )
    if ident.steps_completed_on is not None:  # taken, but after the deadline
        text = (
            f"alle zumutbaren Schritte erst am {fmt(ident.steps_completed_on)} unternommen (Frist "
            f"{fmt(deadline)}): Erteilung unbeachtlich der Frist nach Abs. 7 im Ermessen"
        )
        return Outcome(NOT_MET, text, manual=True, step=LATE_STEP)
    if in_time is None:
        return Outcome(UNKNOWN, "unbekannt, ob alle zumutbaren Schritte rechtzeitig unternommen wurden")
    return Outcome(NOT_MET, f"Identität nicht bis {fmt(deadline)} geklärt")


@predicate("p60c.window")
def window(ctx: Ctx) -> Outcome:
    t = ctx.facts.case.education.training
    if t is None:
        return Outcome(UNKNOWN, "kein Ausbildungsbeginn erfasst")
    opens = add_months(t.start, -ctx.p("apply_months"))
    grant = add_months(t.start, -ctx.p("grant_months"))
    deadlines = [
        (opens, "Antragsfenster öffnet (sieben Monate vor Ausbildungsbeginn)"),
        (grant, "früheste Erteilung (sechs Monate vor Ausbildungsbeginn)"),
        (t.start, "Ausbildungsbeginn"),
    ]
    if ctx.as_of < opens:
        return Outcome(NOT_MET, f"Antrag erst ab {fmt(opens)}", met_from=opens, deadlines=deadlines)
    return Outcome(MET, f"Antragsfenster offen seit {fmt(opens)}", deadlines=deadlines)


@predicate("p60c.registration")
def registration(ctx: Ctx) -> Outcome:
    t = ctx.facts.case.education.training
    if t is not None and t.contract_signed is False:
        return Outcome(
            NOT_MET,
            "bisher nur die Zusage eines Ausbildungsplatzes, noch kein unterschriebener Vertrag",
            step="Ausbildungsvertrag unterschreiben und die Eintragung bei der zuständigen Stelle beantragen "
            "lassen; eine Zusage allein genügt nicht (§ 60c Abs. 3 Satz 3).",
        )
    value = None if t is None else t.contract_registered
    return flag(value, "Vertrag eingetragen oder beantragt", "Eintragung fehlt", "Eintragung unbekannt")


@predicate("p16g.livelihood")
def livelihood(ctx: Ctx) -> Outcome:
    value = ctx.facts.case.livelihood.secured_now
    return flag(
        value, "Lebensunterhalt gesichert", "Lebensunterhalt nicht gesichert", "Lebensunterhalt unbekannt"
    )


@predicate("p16g.passport")
def passport(ctx: Ctx) -> Outcome:
    ident = ctx.facts.case.identity
    if ident.passport is None:
        return Outcome(UNKNOWN, "Passlage unbekannt")
    if ident.passport == "gueltig":
        return Outcome(MET, "gültiger Pass")
    if ident.passport_obtainable is False:
        return Outcome(
            NOT_MET, "kein gültiger Pass; ein Pass ist nach Angabe nicht zu bekommen", step=NO_PASSPORT_STEP
        )
    return Outcome(NOT_MET, "kein gültiger Pass")


@predicate("p19d_1a.after_60c")
def after_60c(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    if not any(p.kind == "duldung_60c" for p in case.status_periods):
        return Outcome(NOT_MET, "keine Ausbildungsduldung erteilt")
    t = case.education.training
    if t is None or t.completed is None:
        return Outcome(UNKNOWN, "Ausbildungsabschluss unbekannt")
    if not t.completed:
        return Outcome(NOT_MET, "Ausbildung nicht (erfolgreich) abgeschlossen")
    if case.employment.jobs is None:
        return Outcome(UNKNOWN, "Angaben zur Beschäftigung fehlen (nicht erfragt)")
    jobs = [j for j in case.employment.jobs if j.start <= ctx.as_of and (j.end is None or j.end >= ctx.as_of)]
    if any(j.matches_qualification for j in jobs):
        return Outcome(MET, "Ausbildung abgeschlossen, passende Beschäftigung")
    if any(j.matches_qualification is None for j in jobs):
        return Outcome(UNKNOWN, "unbekannt, ob die Beschäftigung der Qualifikation entspricht")
    return Outcome(NOT_MET, "keine der Qualifikation entsprechende Beschäftigung")
