"""The Land bodies a kit names, resolved in Python as the templates resolve them (includes/places.jinja).

Order: the settings ([cooperation.land_bodies]) win; then a checked fact of the Land data; otherwise no name
(callers use a neutral description, and the localisation checklist asks for the value).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from replicate.places.load import find_land

if TYPE_CHECKING:
    from replicate.settings import Settings


@dataclass(frozen=True)
class LandBodies:
    """Names of Land bodies for one kit; ``None`` where nothing checked is known."""

    land: str
    """The Land's name ("Sachsen")."""
    hardship_commission: str | None
    interior_ministry: str | None
    removal_authority: str | None


def resolve(settings: Settings) -> LandBodies:
    """The Land bodies of ``settings``: settings first, then checked Land data."""
    given = settings.cooperation.land_bodies
    land = find_land(settings.municipality.state)

    def checked(key: str) -> str | None:
        if land is None:
            return None
        fact = land.facts()[key]
        return fact.value if fact.checked else None

    return LandBodies(
        land=land.name if land else settings.municipality.state,
        hardship_commission=given.hardship_commission or checked("hardship_commission"),
        interior_ministry=given.interior_ministry or checked("interior_ministry"),
        removal_authority=given.removal_authority or checked("removal_authority"),
    )
