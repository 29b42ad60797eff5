"""Facts about languages from Unicode CLDR (through Babel): the one source for writing direction."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError


@cache
def is_rtl(code: str) -> bool:
    """True when CLDR says ``code`` (ISO 639, optionally with region: ``ar``, ``fa-AF``) is written right to
    left. An unknown code counts as left to right."""
    try:
        return bool(Locale.parse(code.replace("-", "_")).character_order == "right-to-left")
    except (UnknownLocaleError, ValueError):
        return False
