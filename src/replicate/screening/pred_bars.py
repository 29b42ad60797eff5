"""Predicates of the cross-cutting bars in ``bars.yaml``."""

from __future__ import annotations

from replicate.caserecord.record_parts import Conviction
from replicate.screening.labels import MEASURE_LABELS
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, Text, flag, predicate

NO_PASSPORT_STEP = (
    "Belegen, dass kein Pass zu bekommen ist (Schreiben der Botschaft, erfolglose Termine mit Datum), und "
    "einen Ausweisersatz (§ 48 Abs. 2) sowie das Absehen von der Passpflicht beantragen."
)


def ground_label(ctx: Ctx, ground: str | None) -> str:
    """The German wording of a coded rejection ground (never the code itself)."""
    for name in ("barring_grounds", "non_barring_grounds"):
        label = ctx.condition.parameters[name].labels.get(ground or "")
        if label:
            return label
    return "Grund nicht angegeben"


@predicate("p10_3_s2", reads=lambda pathway: pathway.grant_kind == "anspruch")
def title_bar_ou(ctx: Ctx) -> Outcome:
    asylum = ctx.facts.case.asylum
    if asylum.outcome is None:
        return Outcome(UNKNOWN, "Ausgang des Asylverfahrens unbekannt")
    if asylum.outcome != "abgelehnt_offensichtlich_unbegruendet":
        return Outcome(MET, "keine Ablehnung als „offensichtlich unbegründet“")
    ground = asylum.ou_ground
    if ground in ctx.p("non_barring_grounds"):
        return Outcome(
            MET,
            Text(
                "Ablehnung als „offensichtlich unbegründet“ ohne Titelsperre ({})", ground_label(ctx, ground)
            ),
        )
    if ground not in ctx.p("barring_grounds"):
        return Outcome(UNKNOWN, "Rechtsgrundlage der Ablehnung als „offensichtlich unbegründet“ unbekannt")
    text = Text(
        "abgelehnt als „offensichtlich unbegründet“ ({}): Titelsperre nach § 10 Abs. 3 Satz 2",
        ground_label(ctx, ground),
    )
    if ctx.pathway.grant_kind == "anspruch":
        return Outcome(
            NOT_MET,
            Text("{}; Ausnahme bei striktem Rechtsanspruch (§ 10 Abs. 3 Satz 3) prüfen", text),
            manual=True,
        )
    return Outcome(NOT_MET, text)


@predicate("p11_ban", reads=lambda pathway: pathway.abschnitt5)
def entry_ban(ctx: Ctx) -> Outcome:
    ban = ctx.facts.case.security.entry_ban_p11
    if ban is None:
        return Outcome(UNKNOWN, "unbekannt, ob ein Einreise- und Aufenthaltsverbot besteht")
    if not ban:
        return Outcome(MET, "kein Einreise- und Aufenthaltsverbot")
    if ctx.pathway.abschnitt5:
        return Outcome(NOT_MET, "Verbot besteht; es soll aufgehoben werden (§ 11 Abs. 4 Satz 2)", manual=True)
    return Outcome(NOT_MET, "Einreise- und Aufenthaltsverbot besteht")


@predicate("p5_4")
def mandatory_refusal(ctx: Ctx) -> Outcome:
    sec = ctx.facts.case.security
    if sec.p54_abs1_nr2_or_4 or sec.order_58a:
        return Outcome(NOT_MET, "zwingender Versagungsgrund nach § 5 Abs. 4")
    if sec.p54_abs1_nr2_or_4 is None or sec.order_58a is None:
        return Outcome(UNKNOWN, "Angaben zu § 54 Abs. 1 Nr. 2/4 und § 58a fehlen")
    return Outcome(MET, "kein Versagungsgrund nach § 5 Abs. 4")


@predicate("identity", reads=lambda pathway: pathway.id in ("p25a", "p25b"))
def identity(ctx: Ctx) -> Outcome:
    if ctx.pathway.id in ("p25a", "p25b") and ctx.holder_privileged():
        return Outcome(MET, "für § 104c-Inhaber gilt die Sonderregel (§ 25a Abs. 6, § 25b Abs. 8)")
    ident = ctx.facts.case.identity
    if ident.clarified and ident.passport == "gueltig":
        return Outcome(MET, "Identität geklärt, gültiger Pass")
    if ident.clarified is None or ident.passport is None:
        return Outcome(UNKNOWN, "Angaben zu Identität oder Pass fehlen")
    steps = " – alle zumutbaren Schritte unternommen" if ident.all_reasonable_steps else ""
    if ident.passport != "gueltig" and ident.passport_obtainable is False:
        text = f"kein gültiger Pass, nach Angabe auch nicht zu bekommen{steps}: Absehen nach § 5 Abs. 3 Satz 2 prüfen"
        return Outcome(NOT_MET, text, step=NO_PASSPORT_STEP)
    return Outcome(NOT_MET, f"Identität nicht geklärt oder kein gültiger Pass{steps}")


def _counts(c: Conviction) -> bool:
    return c.intentional and c.juvenile != "sonstige_sanktion"


def _day_fines(ctx: Ctx) -> tuple[bool, int, int, bool]:
    """Counted convictions: any prison or youth sentence, day fines (general, foreigner-only), any unknown.

    Computed once per case: several pathways use the bar with their own kind or note.
    """
    memo = ctx.facts.memo
    found: tuple[bool, int, int, bool] | None = memo.get("day_fines")
    if found is None:
        counted = list(filter(_counts, ctx.facts.case.convictions or ()))
        found = memo["day_fines"] = (
            any(c.prison_months or c.juvenile == "jugendstrafe" for c in counted),
            sum(c.day_fines or 0 for c in counted if not c.foreigner_only),
            sum(c.day_fines or 0 for c in counted if c.foreigner_only),
            any(c.day_fines is None for c in counted),
        )
    return found


@predicate("crim_50_90")
def crim_50_90(ctx: Ctx) -> Outcome:
    convictions = ctx.facts.case.convictions
    if convictions is None:
        return Outcome(UNKNOWN, "Angaben zu Verurteilungen fehlen")
    prison, general, foreign, unknown_amount = _day_fines(ctx)
    if prison:
        return Outcome(NOT_MET, "Verurteilung zu Freiheits- oder Jugendstrafe")
    limit_g, limit_f = ctx.p("general_day_fines"), ctx.p("foreigner_only_day_fines")
    text = Text(
        "{} Tagessätze allgemein, {} ausländerrechtlich (Grenzen {}/{})", general, foreign, limit_g, limit_f
    )
    if general > limit_g or foreign > limit_f:
        return Outcome(NOT_MET, text)
    if unknown_amount:
        return Outcome(UNKNOWN, "Höhe einer Strafe unbekannt")
    if general and foreign and general + foreign > limit_g:
        return Outcome(NOT_MET, Text("{}; Zusammenrechnung gemischter Strafen ungeklärt", text), manual=True)
    return Outcome(MET, text)


@predicate("crim_60d")
def crim_60d(ctx: Ctx) -> Outcome:
    case = ctx.facts.case
    if case.convictions is None:
        return Outcome(UNKNOWN, "Angaben zu Verurteilungen fehlen")
    limit = ctx.of("crim_60d", "foreigner_only_day_fines")
    counted = [c for c in case.convictions if c.intentional]
    juvenile = [c for c in counted if c.juvenile == "sonstige_sanktion"]
    adult = [c for c in counted if c.juvenile != "sonstige_sanktion"]
    harmful = [
        c for c in adult if not (c.foreigner_only and not c.prison_months and (c.day_fines or 0) <= limit)
    ]
    if harmful:
        return Outcome(NOT_MET, f"Verurteilung vom {harmful[0].convicted_on:%d.%m.%Y} ist nicht unbeachtlich")
    hh = case.household
    if hh.spouse_in_household and hh.spouse_intentional_conviction:
        return Outcome(NOT_MET, "Ehegatte wegen einer vorsätzlichen Straftat verurteilt")
    if juvenile:
        text = "jugendrechtliche Sanktion: ob „Verurteilung“ i. S. d. Nr. 7, ist ungeklärt"
        return Outcome(NOT_MET, text, manual=True)
    if any(c.day_fines is None and not c.prison_months for c in adult):
        return Outcome(UNKNOWN, "Höhe einer ausländerrechtlichen Geldstrafe unbekannt")
    if hh.spouse_in_household and hh.spouse_intentional_conviction is None:
        return Outcome(UNKNOWN, "Angaben zu Verurteilungen des Ehegatten fehlen")
    return Outcome(MET, "keine beachtliche Verurteilung")


@predicate("extremism")
def extremism(ctx: Ctx) -> Outcome:
    links = ctx.facts.case.security.extremism_links
    return flag(links, "keine Bezüge", "Bezüge zu extremistischen Organisationen", "Angabe fehlt", good=False)


@predicate("no_expulsion_order")
def no_expulsion_order(ctx: Ctx) -> Outcome:
    sec = ctx.facts.case.security
    if sec.expulsion_order or sec.order_58a:
        return Outcome(NOT_MET, "Ausweisungsverfügung oder § 58a-Anordnung liegt vor")
    if sec.expulsion_order is None or sec.order_58a is None:
        return Outcome(UNKNOWN, "Angaben zu Ausweisung / § 58a fehlen")
    return Outcome(MET, "keine Ausweisung, keine § 58a-Anordnung")


@predicate("removal_imminent")
def removal_imminent(ctx: Ctx) -> Outcome:
    training = ctx.facts.case.education.training
    if training is not None and training.started_during_asylum:
        return Outcome(MET, "nicht anwendbar: Ausbildung während des Asylverfahrens begonnen")
    measures = ctx.facts.case.removal.imminent_measures
    if measures is None:
        return Outcome(UNKNOWN, "unbekannt, ob Maßnahmen zur Aufenthaltsbeendigung bevorstehen")
    if measures:
        return Outcome(NOT_MET, "bevorstehende Maßnahmen: " + "; ".join(MEASURE_LABELS[m] for m in measures))
    return Outcome(MET, "keine konkreten Maßnahmen bekannt")


@predicate("p60a6")
def employment_ban(ctx: Ctx) -> Outcome:
    ban = ctx.facts.case.security.employment_ban_p60a6
    return flag(ban, "kein Verbot", "Erwerbstätigkeitsverbot nach § 60a Abs. 6", "Angabe fehlt", good=False)
