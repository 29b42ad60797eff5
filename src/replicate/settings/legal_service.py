"""The legal route for individual legal checks (Rechtsdienstleistungen, § 2 Abs. 1 RDG).

A settings file names the route in ``advice_service.legal_service_basis``; older files only say
``qualified_legal_advice`` (true/false). Both stay valid: the one is derived from the other, a
contradiction between them is an error, and ``replicate check`` says what was derived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from replicate.settings.model import AdviceService

OWN_LEGAL_SERVICE = frozenset({"befugte Person", "Wohlfahrtsverband"})
"""Routes on which the advice service itself gives individual legal checks (§ 6 Abs. 2, § 8 Abs. 1 Nr. 5 RDG)."""


def derive_basis(basis: str | None, qualified: bool | None) -> str:
    """The route: as given, else from the older yes/no setting (true: § 6 Abs. 2 RDG, false: none)."""
    if basis is not None:
        return basis
    return "befugte Person" if qualified else "keine"


def own_legal_service(basis: str) -> bool:
    """Whether the advice service itself gives individual legal checks on this route."""
    return basis in OWN_LEGAL_SERVICE


def check_legal_service(basis: str | None, qualified: bool | None, partner: str | None) -> None:
    """Raise ``ValueError`` (German, with the fix) when the route is missing, contradictory or incomplete."""
    if basis is None and qualified is None:
        raise ValueError(
            "legal_service_basis fehlt: geben Sie an, wer rechtliche Prüfungen im Einzelfall übernimmt "
            "(„befugte Person“, „Wohlfahrtsverband“, „Kanzlei“ oder „keine“)"
        )
    if basis is not None and qualified is not None and qualified != own_legal_service(basis):
        said = "true" if qualified else "false"
        raise ValueError(
            f"qualified_legal_advice = {said} widerspricht legal_service_basis „{basis}“: "
            "löschen Sie qualified_legal_advice, legal_service_basis genügt"
        )
    if basis == "Kanzlei" and not partner:
        raise ValueError(
            "legal_partner fehlt: bei legal_service_basis „Kanzlei“ nennen Sie die Rechtsanwaltskanzlei, "
            "die die rechtliche Prüfung im Einzelfall übernimmt"
        )


LABELS = {
    "befugte Person": "Rechtsberatung durch oder unter Anleitung einer befugten Person (§ 6 Abs. 2 RDG)",
    "Wohlfahrtsverband": "Rechtsberatung als Verband der freien Wohlfahrtspflege (§ 8 Abs. 1 Nr. 5, Abs. 2 RDG)",
    "Kanzlei": "rechtliche Prüfung im Einzelfall durch eine Rechtsanwaltskanzlei",
    "keine": "keine Rechtsberatung im Einzelfall, nur allgemeine Information",
}


def note(service: AdviceService) -> str | None:
    """A `check` remark when the route was derived from the older setting, else ``None``."""
    if service.legal_service_basis is not None:
        return None
    basis = derive_basis(None, service.qualified_legal_advice)
    said = "true" if service.qualified_legal_advice else "false"
    return (
        f"Rechtsdienstleistung abgeleitet aus qualified_legal_advice = {said}: {LABELS[basis]}. "
        "Setzen Sie advice_service.legal_service_basis auf den Weg, der bei Ihnen gilt: "
        "„befugte Person“, „Wohlfahrtsverband“ (Träger der freien Wohlfahrtspflege), „Kanzlei“ oder „keine“."
    )
