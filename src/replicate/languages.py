"""Facts about languages from Unicode CLDR (through Babel): German names, writing direction, endonyms.

The one source for language facts (settings, forms, documents). The German name and the writing direction come from CLDR, not from a list of our own; a handful of
curated German names (``LANGUAGE_NAMES`` in the settings) take precedence where CLDR's name is not the one
advisers use (e.g. "Farsi" rather than "Persisch").
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError

_CODE = re.compile(r"^[a-z]{2,3}$")

CURATED_NAMES: dict[str, str] = {
    "de": "Deutsch",
    "en": "Englisch",
    "ar": "Arabisch",
    "fa": "Farsi",
    "ru": "Russisch",
    "uk": "Ukrainisch",
    "fr": "Französisch",
    "tr": "Türkisch",
    "ku": "Kurdisch",
    "ps": "Paschtu",
    "ti": "Tigrinya",
    "so": "Somali",
}
"""German names that advisers use; every other language is named by CLDR."""


@cache
def german_names() -> dict[str, str]:
    """Every ISO 639 code (two or three letters) that CLDR names in German, with that name."""
    names = {code: name for code, name in Locale("de").languages.items() if _CODE.match(code)}
    names.update(CURATED_NAMES)
    return dict(sorted(names.items()))


def check_language(code: str) -> str:
    """The normalised code, or ValueError with a German message naming the fix."""
    value = str(code).strip().lower().replace("-", "_")
    if value in german_names():
        return value
    base = value.split("_")[0]
    hint = f" Meinten Sie „{base}“ ({german_names()[base]})?" if base in german_names() else ""
    raise ValueError(
        f"„{code}“ ist kein bekanntes ISO-639-Sprachkürzel.{hint} Verwenden Sie das zwei- oder "
        "dreibuchstabige Kürzel, z. B. „ka“ für Georgisch oder „ckb“ für Zentralkurdisch (Sorani)"
    )


def language_name(code: str) -> str:
    """German name of a language code (``ka`` → ``Georgisch``)."""
    return german_names().get(code, code)


@cache
def is_rtl(code: str) -> bool:
    """Whether CLDR writes the language right to left (from its likely script, e.g. ``ckb`` → Arabic)."""
    try:
        return bool(Locale.parse(code.replace("-", "_")).character_order == "right-to-left")
    except (UnknownLocaleError, ValueError):
        return False


def endonym(code: str) -> str:
    """The language's own name for itself where CLDR has it, else the German name."""
    try:
        return Locale.parse(code).get_display_name(code) or language_name(code)
    except (UnknownLocaleError, ValueError):
        return language_name(code)
