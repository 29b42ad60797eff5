"""Values derived from the settings where the user left them open, and the notes that say so.

Nothing is guessed silently: every derived value is named in the notes that ``replicate check`` and
``replicate new`` print, with the settings key that overrides it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replicate.places.load import find_land, regimes

if TYPE_CHECKING:
    from replicate.settings import Settings
    from replicate.settings.model import AdviceService

CHURCH_WORDS: dict[str, tuple[str, ...]] = {
    "evangelisch": ("diakon", "evangelisch", "ev.-luth", "ekd"),
    "katholisch": ("caritas", "katholisch", "kath.", "bistum", "diözes"),
}
"""Words in the organisation's name or legal form that point to a church body (checked first)."""

PUBLIC_WORDS = ("öffentlichen rechts", "körperschaft", "anstalt", "eigenbetrieb", "zweckverband", "kommunal")
"""Words in the legal form that point to a public body."""


def derive_regime(service: AdviceService) -> tuple[str, str]:
    """The data-protection regime of the advice service and why (empty reason when set explicitly)."""
    if service.data_protection:
        return service.data_protection, ""
    text = f"{service.organisation} {service.legal_form}".casefold()
    for regime, words in CHURCH_WORDS.items():
        found = next((w for w in words if w in text), None)
        if found:
            return regime, f"Name oder Rechtsform enthält „{found}“"
    legal = service.legal_form.casefold()
    found = next((w for w in PUBLIC_WORDS if w in legal), None)
    if found:
        return "öffentlich", f"Rechtsform enthält „{found}“"
    return (
        "privat",
        f"Rechtsform „{service.legal_form}“ ist privatrechtlich und kein kirchlicher Bezug erkennbar",
    )


def notes(settings: Settings) -> list[str]:
    """Plain-language remarks about derived places values and unchecked Land facts."""
    result: list[str] = []
    service = settings.advice_service
    regime, reason = derive_regime(service)
    if reason:
        result.append(
            f"Datenschutzrecht der Beratungsstelle abgeleitet: {regimes()[regime].label} ({reason}). "
            f"Trifft das nicht zu, setzen Sie advice_service.data_protection auf „öffentlich“, „privat“, "
            "„evangelisch“ oder „katholisch“."
        )
    land = find_land(settings.municipality.state)
    if land is not None:
        open_facts = [key for key, fact in land.facts().items() if not fact.checked]
        if open_facts:
            result.append(
                f"Für {land.name} sind {len(open_facts)} Angaben zu Landesstellen und Landesrecht noch zu "
                "prüfen; die Dokumente nennen sie neutral, die Checkliste (projekt/lokalisierung-checkliste) "
                "führt sie einzeln auf."
            )
    return result
