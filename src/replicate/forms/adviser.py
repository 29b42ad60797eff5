"""What the offline form needs for the adviser's sections: the case-history rules and their German messages.

The rules are those of ``caserecord/history.yaml`` (the same data the library checks with); the messages
are German only, like the adviser sections themselves, and so are not in the client catalogs.
"""

from __future__ import annotations

from typing import Any

from replicate.caserecord.history_rules import EVENT_FIELDS, history_rules

MESSAGES: dict[str, str] = {
    "missing": "Bei diesem Ereignis bitte angeben.",
    "not_for_type": "Gehört nicht zu diesem Ereignis: bitte leeren oder die Art des Ereignisses prüfen.",
    "not_allowed": "Passt nicht zu diesem Ereignis; erlaubt: {allowed}.",
    "before_previous": "Liegt vor dem vorigen Ereignis ({date}): das früheste Ereignis zuerst eintragen.",
    "before_birth": "Liegt vor dem Geburtsdatum.",
    "needs_earlier": "Kein früheres Ereignis {wanted}: dieses davor eintragen oder die Angaben prüfen.",
    "after_closing": "Der Fall ist seit {date} abgeschlossen: zuerst „{reopen}“ eintragen.",
    "not_closed": "Der Fall war nicht abgeschlossen: „{reopen}“ nur nach „{close}“ eintragen.",
    "with": "mit",
    "or": "oder",
}
"""German messages of the history check in the form, by key; ``{name}`` is filled in by the script."""


def history_data() -> dict[str, Any]:
    """The history rules as the page's script reads them."""
    rules = history_rules()
    return {
        "closing": rules.closing,
        "reopening": rules.reopening,
        "event_fields": list(EVENT_FIELDS),
        "field_names": rules.field_names,
        "types": {
            name: {
                "label": rule.label,
                "fields": {
                    f: {"required": s.required, "values": list(s.values)} for f, s in rule.fields.items()
                },
                "needs_earlier": [n.model_dump(mode="json") for n in rule.needs_earlier],
            }
            for name, rule in rules.types.items()
        },
        "pathways": rules.pathways,
        "messages": MESSAGES,
    }
