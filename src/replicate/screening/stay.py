"""Shared computation of uninterrupted stays and Duldung periods, exact to the day."""

from __future__ import annotations

from datetime import date

from replicate.screening.facts import ALL_KINDS, DULDUNG_KINDS, Facts
from replicate.screening.intervals import completion, overlap_days
from replicate.screening.outcome import MET, NOT_MET, UNKNOWN, Ctx, Outcome
from replicate.screening.text import Text

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
    privileged = _privileged(ctx)
    key = ("stay", kinds, months, what, privileged)
    memo = ctx.facts.memo
    found: Outcome | None = memo.get(key)
    if found is None:
        found = memo[key] = _stay(ctx.facts, kinds, months, what, privileged)
    return found


def _stay(facts: Facts, kinds: frozenset[str], months: int, what: str, privileged: bool) -> Outcome:
    """``stay`` for a case, computed once per case and counting rule (the outcome is shared)."""
    if not facts.known_status:
        return Outcome(UNKNOWN, "Statushistorie fehlt")
    start = facts.chain(kinds)
    if start is None:
        return Outcome(NOT_MET, Text("am Stichtag kein {}", what))
    skip = [] if privileged else facts.excluded_60b()
    done = completion(start, months, skip)
    if done is None:
        return Outcome(
            NOT_MET, Text("{} seit {}; laufende § 60b-Duldung wird nicht angerechnet", what, start)
        )
    gap = overlap_days(skip, start, facts.as_of) if skip else 0
    note = Text("; {} Tage mit § 60b-Duldung nicht angerechnet", gap) if gap else ""
    if privileged and facts.excluded_60b():
        note = "; § 60b-Zeiten angerechnet (§ 104c-Inhaber)"
    text = Text("{} ununterbrochen seit {}{}; erreicht am {}", what, start, note, done)
    if done <= facts.as_of:
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
