"""German words for coded values of the case record that appear in screening details and warnings."""

from __future__ import annotations

MEASURE_LABELS: dict[str, str] = {
    "reisefaehigkeit": "ärztliche Untersuchung der Reisefähigkeit veranlasst",
    "freiwillige_ausreise": "Antrag auf geförderte freiwillige Ausreise gestellt",
    "buchung": "Buchung von Transportmitteln für die Abschiebung eingeleitet",
    "vergleichbar": "vergleichbar konkrete Vorbereitung der Abschiebung",
    "dublin": "Verfahren zur Bestimmung des zuständigen Mitgliedstaats (Dublin) eingeleitet",
}
"""§ 60c Abs. 2 Nr. 5 Buchst. a–e AufenthG, in the order of the statute."""

STATUS_LABELS: dict[str, str] = {
    "gestattung": "Aufenthaltsgestattung",
    "duldung": "Duldung",
    "duldung_60b": "Duldung für Personen mit ungeklärter Identität (§ 60b)",
    "duldung_60c": "Ausbildungsduldung (§ 60c)",
    "duldung_60d": "Beschäftigungsduldung (§ 60d)",
    "aufenthaltserlaubnis": "Aufenthaltserlaubnis",
    "ae_104c": "Aufenthaltserlaubnis nach § 104c",
    "fiktion": "Fiktionsbescheinigung",
}
"""Residence status kinds of ``StatusPeriod.kind``."""

TRAINING_LABELS: dict[str, str] = {
    "qualifiziert": "qualifizierte Berufsausbildung",
    "helfer_engpass": "Assistenz- oder Helferausbildung in einem Engpassberuf",
    "sonstige": "sonstige Ausbildung",
}
"""Kinds of ``Training.kind`` (§ 60c Abs. 1 Satz 1 Nr. 1 AufenthG, § 2 Abs. 12a)."""
