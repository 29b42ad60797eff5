"""Check the fields of one person that the report reads: a quick check for the common case, else the model.

:func:`quickly_valid` accepts only what the case-record model (version 2, with its history rules) accepts
too, using built-in set operations; everything else goes through :func:`check_person`, which asks the
model itself, so that the report counts exactly the records the model accepts. Each problem names the
row, the field and the fix.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from replicate.caserecord.nationality import SPECIAL, country_names
from replicate.caserecord.readers import parse_case
from replicate.errors import CaseRecordError, Problem
from replicate.report.caseload import EVENT_FIELDS, Person, Signature
from replicate.report.vocabulary import (
    CLOSING_REASONS,
    DECISION_RESULTS,
    DULDUNG_PATHWAYS,
    EVENT_TYPES,
    GENDERS,
    HARDSHIP_RESULTS,
    PATHWAYS,
    REFERRALS,
)

_CONSENT = ("", "true", "false")
_DATES: dict[str, int] = {}
"""Cache: ISO date text → ordinal (a caseload has few distinct dates, so this stays small)."""
KNOWN_DATES: set[str] = set()
"""ISO dates already found valid."""
DAY_NUMBERS = _DATES
"""ISO date → ordinal, for every date found valid so far."""


def day_number(text: str) -> int | None:
    """The ordinal of an ISO date ``JJJJ-MM-TT``, or None when it is not one."""
    known = _DATES.get(text)
    if known is not None:
        return known
    if len(text) != 10:
        return None
    try:
        value = date.fromisoformat(text).toordinal()
    except ValueError:
        return None
    if len(_DATES) < 200_000:
        _DATES[text] = value
        KNOWN_DATES.add(text)
    return value


def _signatures() -> frozenset[tuple[str, ...]]:
    """Event signatures (every field but the date) that the model accepts as they stand: the common shapes.

    Each type carries exactly its own fields (the model refuses others). A signature outside this set is
    not necessarily wrong; such events take the full check, which decides.
    """
    sigs: set[tuple[str, ...]] = set()
    for kind in EVENT_TYPES:
        referrals = list(REFERRALS) if kind == "verweisung" else [""]
        consents = list(_CONSENT) if kind == "fallkonferenz" else [""]
        if kind == "duldung_erteilt":
            pathways = list(DULDUNG_PATHWAYS)
        elif kind in ("antrag", "entscheidung"):
            pathways = list(PATHWAYS)
        else:
            pathways = [""]
        if kind == "entscheidung":
            results = list(DECISION_RESULTS)
        elif kind == "haertefall_ergebnis":
            results = list(HARDSHIP_RESULTS)
        else:
            results = [""]
        reasons = list(CLOSING_REASONS) if kind == "abschluss" else [""]
        for r in referrals:
            for c in consents:
                for p in pathways:
                    for res in results:
                        for why in reasons:
                            sigs.add((kind, r, c, p, res, why))
    return frozenset(sigs)


SIGNATURES = _signatures()
GOOD_GENDERS = frozenset(["", *GENDERS])
GOOD_NATIONALITIES = frozenset(["", *SPECIAL, *country_names()])
"""Every value of ``nationality`` the case record accepts: empty, the two words, a country code."""
SEQUENCE_SIGNATURES = frozenset(
    sig
    for sig in SIGNATURES
    if sig[0] in ("abschluss", "entscheidung", "haertefall_ergebnis", "wiederaufnahme")
)
"""Signatures whose events need the sequence check."""


def quickly_valid(person: Person) -> bool:
    """True when ``person`` certainly passes :func:`check_person` (the common case, decided cheaply).

    False means "take the full check", not "invalid".
    """
    if person.problems or person.gender not in GOOD_GENDERS or person.nationality not in GOOD_NATIONALITIES:
        return False
    if person.birth_date and day_number(person.birth_date) is None:
        return False
    dates = person.dates
    if not dates:
        return True
    if not KNOWN_DATES.issuperset(dates) or not SIGNATURES.issuperset(person.signatures):
        return False
    if len(dates) > 1 and list(dates) != sorted(dates):
        return False
    if person.birth_date and dates[0] < person.birth_date:
        return False
    if not SEQUENCE_SIGNATURES.isdisjoint(person.signatures):
        return sequence_ok(person.signatures)
    return True


def sequence_ok(signatures: tuple[Signature, ...]) -> bool:
    """The model's order rules, strictly: decisions after an application under the same pathway, hardship
    results after a submission, reopening only after closing, nothing after closing unless reopened.

    A § 23a decision after a hardship request is valid without an application; it is left to the full check.
    """
    applied: set[str] = set()
    closed = False
    for sig in signatures:
        kind = sig[0]
        if closed and kind != "wiederaufnahme":
            return False
        if kind == "antrag":
            applied.add(sig[3])
        elif kind == "entscheidung" and sig[3] not in applied:
            return False
        elif kind == "haertefall_eingabe":
            applied.add(kind)
        elif kind == "haertefall_ergebnis" and "haertefall_eingabe" not in applied:
            return False
        elif kind == "abschluss":
            closed = True
        elif kind == "wiederaufnahme":
            if not closed:
                return False
            closed = False
    return True


_BOOL = {"true": True, "false": False, "ja": True, "nein": False}


def _record(person: Person) -> dict[str, Any]:
    """The fields the report reads as a case-record dict (empty cells left out, as the readers do)."""
    events = []
    for ev in person.events:
        event: dict[str, Any] = {}
        for name, raw in zip(EVENT_FIELDS, ev, strict=True):
            value: Any = raw
            if isinstance(raw, str):
                value = raw.strip()
                if not value:
                    continue
                if name == "consent":
                    value = _BOOL.get(value.lower(), value)
            event[name] = value
        events.append(event)
    data: dict[str, Any] = {"history": events}
    for name in ("case_id", "nationality", "gender", "birth_date"):
        value = getattr(person, name)
        if value:
            data[name] = value
    return data


def check_person(person: Person) -> list[Problem]:
    """Every problem of ``person`` in the fields the report reads (empty when it can be counted).

    The fields are checked by the case-record model itself (its history rules included); what the reader
    found (a gap in the history, broken JSON) is reported first.
    """
    where = person.label
    out: list[Problem] = []
    for part in person.problems:
        if part == "json":
            out.append(
                Problem(
                    "kein gültiges JSON-Objekt",
                    where,
                    hint="Jede Zeile muss eine Fallakte als JSON-Objekt sein.",
                )
            )
        elif part == "history":
            out.append(
                Problem(
                    "history ist keine Liste von Ereignissen",
                    f"{where}: history",
                    hint="history als Liste von Objekten angeben.",
                )
            )
        else:
            out.append(
                Problem(
                    "Lücke im Verlauf: ein Ereignis ist leer, spätere sind ausgefüllt",
                    f"{where}: {part}",
                    hint="Ereignisse ohne Lücke von history.0 an eintragen.",
                )
            )
    if out:
        return out
    try:
        parse_case(_record(person), where)
    except CaseRecordError as err:
        return [
            p
            if p.hint
            else Problem(
                p.message, p.location, p.line, "Den Wert nach der Beschreibung der Fallakte eintragen."
            )
            for p in err.problems
        ]
    for d in person.dates:
        day_number(str(d))  # remember the valid dates for the quick check
    return []
