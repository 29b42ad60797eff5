"""The advice service's data-protection supervisor for Python-built documents (the twin of the template macro
``places.service_supervisor``), so that the client-language notice names the body the German notice names.

Order: the settings (``advice_service.data_protection_supervisor``); for a public or private body the checked
supervisor of the Land, else a neutral description; for a church body the regime's supervisor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replicate.places.derive import derive_regime
from replicate.places.load import find_land, regimes

if TYPE_CHECKING:
    from replicate.settings import Settings


def service_supervisor(settings: Settings) -> str:
    """The supervisory authority of the advice service, with article (plain text)."""
    service = settings.advice_service
    if service.data_protection_supervisor:
        return service.data_protection_supervisor
    regime = derive_regime(service)[0]
    land = find_land(settings.municipality.state)
    land_gen = land.genitive if land else f"des Landes {settings.municipality.state.strip()}"
    if regime == "öffentlich":
        if land is not None and land.dp_supervisor.checked:
            return land.dp_supervisor.value
        return f"die Datenschutzaufsichtsbehörde {land_gen} für öffentliche Stellen"
    if regime == "privat":
        private = land.dp_supervisor_private if land is not None else None
        if private is not None and private.value:
            if private.checked:
                return private.value
        elif land is not None and land.dp_supervisor.checked:
            return land.dp_supervisor.value
        return f"die Datenschutzaufsichtsbehörde {land_gen} für nicht-öffentliche Stellen"
    return regimes()[regime].supervisor
