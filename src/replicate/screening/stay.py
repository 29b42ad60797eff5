"""Shared computation of uninterrupted stays and Duldung periods, exact to the day."""

from __future__ import annotations

from datetime import date

from replicate.screening.facts import ALL_KINDS, DULDUNG_KINDS
from replicate.screening.intervals import completion, overlap_days
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome, fmt

STAY_KINDS = ALL_KINDS
TOLERATED_KINDS = DULDUNG_KINDS


def _privileged(ctx: Ctx) -> bool:
    return ctx.pathway.id in ("p25a", "p25b") and ctx.holder_privileged()


def excluded(ctx: Ctx) -> list[tuple[date, date]]:
    """§ 60b periods not counted (§ 60b Abs. 5 Satz 1) unless § 104c holder privileges apply."""
    if _privileged(ctx):
        return []
    return ctx.facts.excluded_60b()


def stay(ctx: Ctx, kinds: frozenset[str], months: int, what: str) -> Outcome:
    """Has the person been in an uninterrupted chain of ``kinds`` for ``months`` counted months?

    § 60b periods inside the chain do not break it but are not counted (§ 60b Abs. 5 Satz 1),
    except for § 104c holders while their privileges last (§ 25a Abs. 5, § 25b Abs. 7).
    """
    facts = ctx.facts
    if not facts.known_status:
        return Outcome(UNKNOWN, "Statushistorie fehlt")
    start = facts.chain(kinds)
    if start is None:
        return Outcome(NOT_MET, f"am Stichtag kein {what}")
    skip = excluded(ctx)
    done = completion(start, months, skip)
    gap = overlap_days(skip, start, ctx.as_of) if skip else 0
    if done is None:
        return Outcome(NOT_MET, f"{what} seit {fmt(start)}; laufende § 60b-Duldung wird nicht angerechnet")
    note = f"; {gap} Tage mit § 60b-Duldung nicht angerechnet" if gap else ""
    if _privileged(ctx) and facts.excluded_60b():
        note = "; § 60b-Zeiten angerechnet (§ 104c-Inhaber)"
    text = f"{what} ununterbrochen seit {fmt(start)}{note}; erreicht am {fmt(done)}"
    if done <= ctx.as_of:
        return Outcome(MET, text)
    return Outcome(NOT_MET, text, met_from=done)


def holder_deadlines(ctx: Ctx) -> list[tuple[date, str]]:
    """Deadlines for § 104c holders: end of the permit and end of the holder privileges."""
    permit = ctx.facts.holder_104c
    if permit is None:
        return []
    out = [(ctx.shared("p104c_permit_end_latest"), "Ende der Sonderregeln für § 104c-Inhaber (30.06.2027)")]
    if permit.end:
        out.insert(
            0, (permit.end, "Ende der Aufenthaltserlaubnis nach § 104c: vorher § 25a/§ 25b beantragen")
        )
    return out
