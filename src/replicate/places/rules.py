"""Land-dependent words in the rule data: placeholders such as ``{HFK}`` filled from the Land data.

The rule files name Land bodies and laws only through these placeholders, so a kit for one Land never
shows another Land's commission, regulation, ministry or school law. Without a Land (``replicate rules
show`` and ``screen`` without settings) the neutral description stands in.
"""

from __future__ import annotations

import re
from typing import Any

from replicate.places.model import Land

PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")

NEUTRAL: dict[str, str] = {
    "HFK": "Härtefallkommission des Landes",
    "HFKVO": "Härtefallkommissionsverordnung des Landes",
    "OBERSTE_LANDESBEHOERDE": "für das Aufenthaltsrecht zuständige oberste Landesbehörde",
    "HFK_MEHRHEIT_QUELLE": "Verordnung des Landes über die Härtefallkommission – Wert zu prüfen",
    "SCHULPFLICHT_BEGINN": "Schulgesetz des Landes (Beginn der Schulpflicht) – ungeprüft",
    "SCHULPFLICHT_DAUER": "Schulgesetz des Landes (Dauer der Schulpflicht) – ungeprüft",
    "HFK_VERFAHREN": (
        "Die Verfahrensschritte 3 bis 5 (Abschiebungsstopp während der Befassung, erforderliche Mehrheit, "
        "Ausschlussgründe) folgen dem Muster einer Landesverordnung; für dieses Land sind sie anhand seiner "
        "Verordnung über die Härtefallkommission zu prüfen."
    ),
}
"""Every placeholder with the words used when the Land is unknown or its fact is not checked."""

SAXONY: dict[str, str] = {
    "HFK_MEHRHEIT_QUELLE": "SächsHFKVO (laut Sächsischem Ausländerbeauftragten 2015)",
    "HFK_VERFAHREN": (
        "Verfahren nach der SächsHFKVO: Abschiebungsstopp während der Befassung, Ersuchen mit der Mehrheit von "
        "zwei Dritteln der Mitglieder (Sächsischer Ausländerbeauftragter, Pressemitteilung 1/2015)."
    ),
    "SCHULPFLICHT_BEGINN": "§ 27 SächsSchulG (Beginn der Schulpflicht)",
    "SCHULPFLICHT_DAUER": "§ 28 SächsSchulG (Dauer der Schulpflicht; Altersgrenze nicht am Gesetz geprüft)",
}
"""Saxon wording where the rule data's values were taken from Saxon sources (checked 2026-11-29)."""


def tokens(land: Land | None) -> dict[str, str]:
    """The words for each placeholder in a kit for ``land``."""
    words = dict(NEUTRAL)
    if land is None:
        return words
    if land.hardship_commission.checked:
        words["HFK"] = land.hardship_commission.value
    if land.hardship_regulation.checked:
        words["HFKVO"] = land.hardship_regulation.short or land.hardship_regulation.value
    if land.interior_ministry.checked:
        words["OBERSTE_LANDESBEHOERDE"] = f"oberste Landesbehörde ({land.interior_ministry.value})"
    if land.code == "SN":
        words.update(SAXONY)
    return words


def fill(data: Any, words: dict[str, str]) -> Any:
    """``data`` (parsed YAML) with every placeholder in every string replaced; unknown ones raise KeyError."""
    if isinstance(data, str):
        return PLACEHOLDER.sub(lambda m: words[m.group(1)], data)
    if isinstance(data, list):
        return [fill(item, words) for item in data]
    if isinstance(data, dict):
        return {key: fill(value, words) for key, value in data.items()}
    return data
