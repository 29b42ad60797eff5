"""Check the fields of one person that the report reads, cheaply, with the rules of case record version 2.

The checks mirror the case-record contract: known codes, the fields each event type requires, dates in
order, a decision only after an application under the same pathway, nothing after "case closed" unless
the case is reopened. Each problem names the row, the field and the fix.
"""

from __future__ import annotations

from datetime import date

from replicate.errors import Problem
from replicate.report.caseload import CONSENT, DATE, PATHWAY, REASON, REFERRAL, RESULT, TYPE, Person
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
    return value


def _codes(values: dict[str, str]) -> str:
    return ", ".join(values)


def check_person(person: Person) -> list[Problem]:
    """Every problem of ``person`` in the fields the report reads (empty when it can be counted)."""
    where = person.label
    out: list[Problem] = []
    for part in person.problems:
        if part == "json":
            out.append(Problem("kein gültiges JSON-Objekt", where, hint="Jede Zeile muss eine Fallakte als JSON-Objekt sein."))
        elif part == "history":
            out.append(Problem("history ist keine Liste von Ereignissen", f"{where}, history", hint="history als Liste von Objekten angeben."))
        else:
            out.append(
                Problem(
                    "Lücke im Verlauf: ein Ereignis ist leer, spätere sind ausgefüllt",
                    f"{where}, {part}",
                    hint="Ereignisse ohne Lücke von history.0 an eintragen.",
                )
            )
    if not person.case_id:
        out.append(Problem("case_id fehlt", f"{where}, case_id", hint="Pseudonym des Falls eintragen (kein Name)."))
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
            Problem(f"„{person.gender}“ ist kein erlaubter Wert", f"{where}, gender", hint=f"Erlaubt: {_codes(GENDERS)}.")
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
            bad("type", f"„{kind}“ ist keine Ereignisart" if kind else "Ereignisart fehlt", f"Erlaubt: {_codes(EVENT_TYPES)}.")
            continue
        if d < previous:
            bad("date", "Ereignis liegt vor dem vorangehenden", "Ereignisse nach Datum geordnet eintragen.")
        previous = max(previous, d)
        if closed and kind != "wiederaufnahme":
            bad("type", "Ereignis nach dem Abschluss des Falls", "Erst „wiederaufnahme“ eintragen oder den Abschluss prüfen.")
        if kind == "abschluss":
            closed = True
        elif kind == "wiederaufnahme":
            closed = False
        referral, pathway, result, reason = ev[REFERRAL], ev[PATHWAY], ev[RESULT], ev[REASON]
        if ev[CONSENT] not in _CONSENT:
            bad("consent", f"„{ev[CONSENT]}“ ist kein Ja/Nein-Wert", "true oder false eintragen.")
        if referral and referral not in REFERRALS or kind == "verweisung" and not referral:
            bad("referral_by", "Zugangsweg fehlt oder ist unbekannt", f"Erlaubt: {_codes(REFERRALS)}.")
        allowed_paths = DULDUNG_PATHWAYS if kind == "duldung_erteilt" else PATHWAYS
        if pathway and pathway not in allowed_paths or kind in ("antrag", "entscheidung") and not pathway:
            bad("pathway", "Rechtsgrundlage fehlt oder passt nicht", f"Erlaubt: {', '.join(allowed_paths)}.")
        results = HARDSHIP_RESULTS if kind == "haertefall_ergebnis" else DECISION_RESULTS
        if result and result not in results or kind == "entscheidung" and not result:
            bad("result", "Ergebnis fehlt oder passt nicht zur Ereignisart", f"Erlaubt: {_codes(results)}.")
        if reason and reason not in CLOSING_REASONS or kind == "abschluss" and not reason:
            bad("reason", "Grund des Abschlusses fehlt oder ist unbekannt", f"Erlaubt: {_codes(CLOSING_REASONS)}.")
        if kind == "antrag" and pathway:
            applied.setdefault(pathway, d)
        if kind == "entscheidung" and pathway and pathway not in applied:
            bad("pathway", "Entscheidung ohne vorherigen Antrag auf dieser Rechtsgrundlage", "Zuerst das Ereignis „antrag“ eintragen.")
    return out
