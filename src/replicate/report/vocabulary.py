"""The words of the case history (case record version 2) that the report reads, with German labels.

The codes are those of the shared case-record contract; the labels are what people read in a report.
"""

from __future__ import annotations

EVENT_TYPES: dict[str, str] = {
    "erstberatung": "Erstberatung",
    "folgeberatung": "Folgeberatung",
    "verweisung": "Verweisung",
    "fallkonferenz": "Fallkonferenz",
    "antrag": "Antrag gestellt",
    "entscheidung": "Entscheidung",
    "duldung_erteilt": "Duldung erteilt",
    "haertefall_eingabe": "Eingabe an die Härtefallkommission",
    "haertefall_ergebnis": "Ergebnis der Härtefallkommission",
    "ausreise": "Ausreise",
    "abschiebung": "Abschiebung",
    "einwilligung_widerrufen": "Einwilligung widerrufen",
    "abschluss": "Fall abgeschlossen",
    "wiederaufnahme": "Fall wieder aufgenommen",
}

PATHWAYS: dict[str, str] = {
    "p25b": "§ 25b AufenthG",
    "p25b_4": "§ 25b Abs. 4 AufenthG",
    "p25b_6": "§ 25b Abs. 6 AufenthG",
    "p25a": "§ 25a AufenthG",
    "p25a_2": "§ 25a Abs. 2 AufenthG",
    "p60c": "§ 60c AufenthG",
    "p60d": "§ 60d AufenthG",
    "p60d_2": "§ 60d Abs. 2 AufenthG",
    "p16g": "§ 16g AufenthG",
    "p19d": "§ 19d AufenthG",
    "p19d_1a": "§ 19d Abs. 1a AufenthG",
    "p25_5": "§ 25 Abs. 5 AufenthG",
    "p23a": "§ 23a AufenthG",
    "p104c": "§ 104c AufenthG",
}
"""Pathway codes of the rules and the paragraph each stands for."""

DULDUNG_PATHWAYS = ("p60c", "p60d")
"""Pathways a ``duldung_erteilt`` event may name (§ 60c Ausbildungs-, § 60d Beschäftigungsduldung)."""

REFERRALS: dict[str, str] = {
    "auslaenderbehoerde": "durch die Ausländerbehörde",
    "selbst": "auf eigene Initiative",
    "andere_organisation": "durch eine andere Organisation",
}

DECISION_RESULTS: dict[str, str] = {
    "erteilt": "erteilt",
    "abgelehnt": "abgelehnt",
    "zurueckgenommen": "zurückgenommen",
    "offen": "noch offen",
}

HARDSHIP_RESULTS: dict[str, str] = {
    "ersuchen": "Härtefallersuchen gestellt",
    "kein_ersuchen": "kein Härtefallersuchen",
    "nicht_angenommen": "Eingabe nicht angenommen",
}

CLOSING_REASONS: dict[str, str] = {
    "aufenthalt_gesichert": "Aufenthalt gesichert",
    "ausreise": "Ausreise",
    "abschiebung": "Abschiebung",
    "kein_kontakt": "kein Kontakt mehr",
    "einwilligung_widerrufen": "Einwilligung widerrufen",
    "weitervermittelt": "weitervermittelt",
    "sonstiges": "sonstiger Grund",
}

GENDERS: dict[str, str] = {
    "weiblich": "weiblich",
    "maennlich": "männlich",
    "divers": "divers",
    "keine_angabe": "keine Angabe",
}

NATIONALITY_WORDS = ("staatenlos", "ungeklaert")
"""Values of ``nationality`` besides an ISO 3166-1 alpha-2 code."""

UNKNOWN = "nicht_erfasst"
"""Breakdown value when a person attribute was left empty (shown as „nicht erfasst“)."""

FIELD_LABELS: dict[str, dict[str, str]] = {
    "type": EVENT_TYPES,
    "pathway": PATHWAYS,
    "referral_by": REFERRALS,
    "result": {**DECISION_RESULTS, **HARDSHIP_RESULTS},
    "reason": CLOSING_REASONS,
    "gender": {**GENDERS, UNKNOWN: "nicht erfasst"},
}
"""German label of every code, per field, for tables meant for people."""

SYNTHETIC_PREFIX = "SYNTH-"
"""Every case id of a synthetic (demo) caseload starts with this; a report built from one says so."""
