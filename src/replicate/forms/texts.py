"""German source texts of the fillable form's interface (buttons, states, validation messages).

The German text is the catalog's msgid; the key is how the page's script finds it. ``{name}`` marks a
placeholder that the script fills in; translations must keep it.
"""

from __future__ import annotations

UI: dict[str, str] = {
    "title": "Erstberatung: Fallakte (pseudonym)",
    "intro": (
        "Dieses Formular arbeitet nur auf diesem Gerät. Es sendet nichts. „Speichern“ legt die Fallakte als "
        "JSON-Datei auf dem Gerät ab, „Laden“ öffnet eine gespeicherte Datei wieder. Bitte keine Namen eintragen."
    ),
    "language": "Sprache",
    "save": "Speichern (JSON-Datei)",
    "load": "Gespeicherte Datei laden",
    "add": "Eintrag hinzufügen",
    "remove": "Eintrag entfernen",
    "unknown": "unbekannt",
    "choose": "– bitte wählen –",
    "yes": "ja",
    "no": "nein",
    "recorded": "Angaben erfasst",
    "recorded_help": "„unbekannt“ = nicht gefragt; „Angaben erfasst“ ohne Eintrag = keine.",
    "relevant": "Wichtig für",
    "date_hint": "TT.MM.JJJJ",
    "err_required": "Bitte ausfüllen: Pflichtangabe.",
    "err_date": "Kein Datum: bitte als TT.MM.JJJJ eingeben, z. B. 31.12.2022.",
    "err_date_missing": "Dieses Datum gibt es nicht.",
    "err_int": "Bitte eine ganze Zahl eingeben.",
    "err_number": "Bitte eine Zahl eingeben.",
    "err_max": "Der Wert ist zu groß: höchstens {max}.",
    "err_min": "Der Wert ist zu klein: mindestens {min}.",
    "err_end_before_start": "Das Ende liegt vor dem Beginn.",
    "err_entry_before_birth": "Die Einreise liegt vor dem Geburtsdatum.",
    "err_fix_first": "Nicht gespeichert: bitte zuerst die markierten Angaben berichtigen ({count}).",
    "saved": "Gespeichert als {file}. Die Datei liegt nur auf diesem Gerät.",
    "loaded": "Geladen: {file}.",
    "err_not_json": "„{file}“ ist keine lesbare JSON-Datei. Das Formular bleibt unverändert.",
    "err_foreign": (
        "„{file}“ ist keine Fallakte dieses Formulars ({reason}). Das Formular bleibt unverändert."
    ),
    "reason_not_object": "kein Objekt",
    "reason_version": "falsche Schemaversion",
    "reason_unknown_field": "unbekanntes Feld {field}",
    "reason_bad_value": "ungültiger Wert in {field}",
    "err_too_big": (
        "„{file}“ ist zu groß ({size} KB): das Formular lädt Dateien bis {max} KB. Das Formular bleibt unverändert."
    ),
    "err_too_many": (
        "„{file}“ hat mehr als {max} Einträge in {field}: das Formular nimmt höchstens {max} Einträge je Liste "
        "an. Das Formular bleibt unverändert."
    ),
    "err_list_full": "Höchstens {max} Einträge je Liste.",
    "err_not_utf8": (
        "„{file}“ ist keine Textdatei in UTF-8 (ungültige Zeichen). Das Formular bleibt unverändert."
    ),
}
"""Interface texts by key, in German."""
