"""Check the fields of one person that the report reads, cheaply, with the rules of case record version 2.

The checks mirror the case-record contract: known codes, the fields each event type requires, dates in
order, a decision only after an application under the same pathway, nothing after "case closed" unless
the case is reopened. Each problem names the row, the field and the fix.
"""

from __future__ import annotations

from datetime import date

from replicate.errors import Problem
from replicate.report.caseload import (
    CONSENT,
    DATE,
    PATHWAY,
    REASON,
    REFERRAL,
    RESULT,
    TYPE,
    Person,
    Signature,
)
from replicate.report.vocabulary import (
    CLOSING_REASONS,
    DECISION_RESULTS,
    DULDUNG_PATHWAYS,
    EVENT_TYPES,
    GENDERS,
    HARDSHIP_RESULTS,
    NATIONALITY_WORDS,
    PATHWAYS,
    REFERRALS,
)

_CONSENT = {"", "true", "false", "ja", "nein", "True", "False"}
_DATES: dict[str, int] = {}
"""Cache: ISO date text → ordinal (a caseload has few distinct dates, so this stays small)."""


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


def _codes(values: dict[str, str]) -> str:
    return ", ".join(values)


def _signatures() -> frozenset[tuple[str, ...]]:
    """Event signatures (every field but the date) that are valid as they stand: the common shapes.

    A signature outside this set is not necessarily wrong (e.g. a consent noted on an advice event); such
    events take the full check, which decides.
    """
    sigs: set[tuple[str, ...]] = set()
    for kind in EVENT_TYPES:
        referrals = list(REFERRALS) if kind == "verweisung" else [""]
        consents = sorted(_CONSENT) if kind == "fallkonferenz" else [""]
        pathways = (
            list(DULDUNG_PATHWAYS)
            if kind == "duldung_erteilt"
            else list(PATHWAYS)
            if kind in ("antrag", "entscheidung")
            else [""]
        )
        results = (
            list(DECISION_RESULTS)
            if kind == "entscheidung"
            else list(HARDSHIP_RESULTS)
            if kind == "haertefall_ergebnis"
            else [""]
        )
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
GOOD_NATIONALITIES = frozenset(
    ["", *NATIONALITY_WORDS, *(chr(a) + chr(b) for a in range(65, 91) for b in range(65, 91))]
)
"""Every value of ``nationality`` the quick check accepts: empty, the two words, any two capital letters."""
DAY_NUMBERS = _DATES
"""ISO date → ordinal, for every date found valid so far."""
SEQUENCE_SIGNATURES = frozenset(sig for sig in SIGNATURES if sig[0] in ("abschluss", "entscheidung"))
"""Signatures whose events need the sequence check (closing, decisions)."""
KNOWN_DATES: set[str] = set()
"""ISO dates already found valid (a caseload has few distinct dates, so this stays small)."""


def quickly_valid(person: Person) -> bool:
    """True when ``person`` certainly passes :func:`check_person` (the common case, decided cheaply).

    False means "take the full check", not "invalid".
    """
    if person.problems or not person.case_id or person.gender not in GOOD_GENDERS:
        return False
    nat = person.nationality
    if nat and not (len(nat) == 2 and nat.isupper() and nat.isalpha()) and nat not in NATIONALITY_WORDS:
        return False
    dates = person.dates
    if not dates:
        return True
    if not KNOWN_DATES.issuperset(dates) or not SIGNATURES.issuperset(person.signatures):
        return False
    if len(dates) > 1 and list(dates) != sorted(dates):
        return False
    if not SEQUENCE_SIGNATURES.isdisjoint(person.signatures):
        return sequence_ok(person.signatures)
    return True


def sequence_ok(signatures: tuple[Signature, ...]) -> bool:
    """Decisions only after an application under the same pathway; nothing after closing unless reopened."""
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
        elif kind == "abschluss":
            closed = True
        elif kind == "wiederaufnahme":
            closed = False
    return True


def check_person(person: Person) -> list[Problem]:
    """Every problem of ``person`` in the fields the report reads (empty when it can be counted)."""
    if not all(isinstance(v, str) for ev in person.events for v in ev) or not all(
        isinstance(v, str) for v in person[1:4]
    ):
        events = [tuple(str(v) for v in ev) for ev in person.events]
        person = person._replace(
            case_id=str(person.case_id),
            nationality=str(person.nationality),
            gender=str(person.gender),
            dates=tuple(e[0] for e in events),
            signatures=tuple(e[1:] for e in events),  # type: ignore[misc]
        )
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
                    f"{where}, history",
                    hint="history als Liste von Objekten angeben.",
                )
            )
        else:
            out.append(
                Problem(
                    "Lücke im Verlauf: ein Ereignis ist leer, spätere sind ausgefüllt",
                    f"{where}, {part}",
                    hint="Ereignisse ohne Lücke von history.0 an eintragen.",
                )
            )
    if not person.case_id:
        out.append(
            Problem("case_id fehlt", f"{where}, case_id", hint="Pseudonym des Falls eintragen (kein Name).")
        )
    nat = person.nationality
    if nat and nat not in NATIONALITY_WORDS and not (len(nat) == 2 and nat.isalpha() and nat.isupper()):
        out.append(
            Problem(
                f"„{nat}“ ist keine Staatsangehörigkeit",
                f"{where}, nationality",
                hint="ISO-3166-Code in Großbuchstaben (z. B. SY) oder staatenlos / ungeklaert.",
            )
        )
    if person.gender and person.gender not in GENDERS:
        out.append(
            Problem(
                f"„{person.gender}“ ist kein erlaubter Wert",
                f"{where}, gender",
                hint=f"Erlaubt: {_codes(GENDERS)}.",
            )
        )
    out += _check_events(person)
    return out


def _check_events(person: Person) -> list[Problem]:
    out: list[Problem] = []
    previous = ""
    applied: dict[str, str] = {}
    closed = False
    for k, ev in enumerate(person.events):
        at = f"{person.label}, history.{k}"

        def bad(field: str, message: str, hint: str, at: str = at) -> None:
            out.append(Problem(message, f"{at}.{field}", hint=hint))

        d, kind = ev[DATE], ev[TYPE]
        if day_number(d) is None:
            bad("date", f"„{d}“ ist kein Datum" if d else "Datum fehlt", "Datum als JJJJ-MM-TT eintragen.")
            continue
        if kind not in EVENT_TYPES:
            bad(
                "type",
                f"„{kind}“ ist keine Ereignisart" if kind else "Ereignisart fehlt",
                f"Erlaubt: {_codes(EVENT_TYPES)}.",
            )
            continue
        if d < previous:
            bad("date", "Ereignis liegt vor dem vorangehenden", "Ereignisse nach Datum geordnet eintragen.")
        previous = max(previous, d)
        if closed and kind != "wiederaufnahme":
            bad(
                "type",
                "Ereignis nach dem Abschluss des Falls",
                "Erst „wiederaufnahme“ eintragen oder den Abschluss prüfen.",
            )
        if kind == "abschluss":
            closed = True
        elif kind == "wiederaufnahme":
            closed = False
        referral, pathway, result, reason = ev[REFERRAL], ev[PATHWAY], ev[RESULT], ev[REASON]
        if ev[CONSENT] not in _CONSENT:
            bad("consent", f"„{ev[CONSENT]}“ ist kein Ja/Nein-Wert", "true oder false eintragen.")
        if (referral and referral not in REFERRALS) or (kind == "verweisung" and not referral):
            bad("referral_by", "Zugangsweg fehlt oder ist unbekannt", f"Erlaubt: {_codes(REFERRALS)}.")
        allowed_paths = DULDUNG_PATHWAYS if kind == "duldung_erteilt" else PATHWAYS
        if (pathway and pathway not in allowed_paths) or (kind in ("antrag", "entscheidung") and not pathway):
            bad("pathway", "Rechtsgrundlage fehlt oder passt nicht", f"Erlaubt: {', '.join(allowed_paths)}.")
        results = HARDSHIP_RESULTS if kind == "haertefall_ergebnis" else DECISION_RESULTS
        if (result and result not in results) or (kind == "entscheidung" and not result):
            bad("result", "Ergebnis fehlt oder passt nicht zur Ereignisart", f"Erlaubt: {_codes(results)}.")
        if (reason and reason not in CLOSING_REASONS) or (kind == "abschluss" and not reason):
            bad(
                "reason",
                "Grund des Abschlusses fehlt oder ist unbekannt",
                f"Erlaubt: {_codes(CLOSING_REASONS)}.",
            )
        if kind == "antrag" and pathway:
            applied.setdefault(pathway, d)
        if kind == "entscheidung" and pathway and pathway not in applied:
            bad(
                "pathway",
                "Entscheidung ohne vorherigen Antrag auf dieser Rechtsgrundlage",
                "Zuerst das Ereignis „antrag“ eintragen.",
            )
    return out
