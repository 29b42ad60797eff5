"""The dated case history (Verlauf): one event per step of a case, without any free text.

Which fields each event type takes and the order rules are data (``history.yaml``), checked by
:mod:`replicate.caserecord.history_rules`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from replicate.caserecord._base import Part

EventType = Literal[
    "erstberatung",
    "folgeberatung",
    "verweisung",
    "fallkonferenz",
    "antrag",
    "entscheidung",
    "duldung_erteilt",
    "haertefall_eingabe",
    "haertefall_ergebnis",
    "ausreise",
    "abschiebung",
    "einwilligung_widerrufen",
    "abschluss",
    "wiederaufnahme",
]

PathwayId = Literal[
    "p25b",
    "p25b_4",
    "p25b_6",
    "p25a",
    "p25a_2",
    "p60c",
    "p60d",
    "p60d_2",
    "p16g",
    "p19d",
    "p19d_1a",
    "p25_5",
    "p23a",
    "p104c",
]
"""Pathway ids of the rules (``replicate rules show ID``); ``history.yaml`` names the provision of each."""

ReferralBy = Literal["auslaenderbehoerde", "selbst", "andere_organisation"]

Result = Literal[
    "erteilt", "abgelehnt", "zurueckgenommen", "offen", "ersuchen", "kein_ersuchen", "nicht_angenommen"
]
"""Outcome of a decision (first four) or of the hardship commission (last three)."""

CloseReason = Literal[
    "aufenthalt_gesichert",
    "ausreise",
    "abschiebung",
    "kein_kontakt",
    "einwilligung_widerrufen",
    "weitervermittelt",
    "sonstiges",
]


class CaseEvent(Part):
    """One dated step of the case; which fields an event type needs is checked against ``history.yaml``."""

    date: dt.date
    """Datum des Ereignisses."""
    type: EventType
    """Art des Ereignisses: Erstberatung, Folgeberatung, Verweisung, Fallkonferenz, Antrag, Entscheidung,
    Duldung nach § 60c/§ 60d erteilt, Eingabe an die Härtefallkommission und deren Ergebnis, Ausreise,
    Abschiebung, Einwilligung widerrufen, Abschluss oder Wiederaufnahme."""
    referral_by: ReferralBy | None = None
    """Bei einer Verweisung: Wer hat die Person geschickt (Ausländerbehörde, selbst gekommen, andere
    Organisation)?"""
    consent: bool | None = None
    """Bei einer Fallkonferenz: Hat die Person eingewilligt? Leer = nicht erfasst."""
    pathway: PathwayId | None = None
    """Bei Antrag und Entscheidung: der Aufenthaltsweg (Rechtsgrundlage); bei einer erteilten Duldung:
    § 60c oder § 60d."""
    result: Result | None = None
    """Bei einer Entscheidung: erteilt, abgelehnt, zurückgenommen oder noch offen; beim Ergebnis der
    Härtefallkommission: Ersuchen, kein Ersuchen oder nicht angenommen."""
    reason: CloseReason | None = None
    """Beim Abschluss: Grund (Aufenthalt gesichert, Ausreise, Abschiebung, kein Kontakt, Einwilligung
    widerrufen, weitervermittelt, sonstiges)."""
