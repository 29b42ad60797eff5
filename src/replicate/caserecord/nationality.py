"""Nationality of the case record: an ISO 3166-1 alpha-2 code, or "staatenlos" / "ungeklaert".

The list of codes and their German names come from the Unicode CLDR shipped with Babel. Codes that CLDR
knows but that name no state (EU, UN, ZZ …) or only a territory reserved by ISO for other purposes
(Ascension, Ceuta and Melilla …) are refused. ``XK`` (Kosovo) is kept: it is not assigned by ISO 3166, but
the European Union and German authorities use it for Kosovo, a frequent nationality among tolerated people.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

STATELESS = "staatenlos"
UNCLEAR = "ungeklaert"
SPECIAL: dict[str, str] = {STATELESS: "staatenlos", UNCLEAR: "ungeklärt"}
"""Values besides country codes, with their German labels."""

PATTERN = r"^([A-Z]{2}|staatenlos|ungeklaert)$"

_NOT_A_STATE = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


@cache
def country_names(language: str = "de") -> dict[str, str]:
    """Code → country name in ``language`` (CLDR), sorted by the German name."""
    german = Locale("de").territories
    local = Locale.parse(language).territories
    keys = [str(c) for c in german]
    codes = [c for c in keys if len(c) == 2 and c.isalpha() and c.isupper() and c not in _NOT_A_STATE]
    return {c: str(local.get(c, german[c])) for c in sorted(codes, key=lambda c: _sort_key(str(german[c])))}


def _sort_key(name: str) -> str:
    return name.casefold().translate(str.maketrans("äöüß", "aous"))


def check_nationality(value: str) -> str:
    """The value if it is a known code or a special value; else ValueError with a German message."""
    if value in SPECIAL or value in country_names():
        return value
    if value.upper() in country_names() or value.lower() in SPECIAL:
        raise ValueError(
            f"„{value}“: bitte genau so schreiben: „{value.upper() if len(value) == 2 else value.lower()}“"
        )
    raise ValueError(
        f"„{value}“ ist kein Ländercode: erwartet wird der zweistellige Code nach ISO 3166-1 in "
        "Großbuchstaben (z. B. SY für Syrien, XK für Kosovo) oder „staatenlos“ bzw. „ungeklaert“"
    )
