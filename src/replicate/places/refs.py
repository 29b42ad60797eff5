"""A provision of a data-protection regime for a purpose, as printed in documents (the Python twin of the
template macro ``places.ref``), so that forms and the kit cite the same paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from replicate.places.derive import derive_regime
from replicate.places.load import regimes

if TYPE_CHECKING:
    from replicate.settings.model import AdviceService

REF_KEYS = (
    "law",
    "intro",
    "consent_basis",
    "special_consent",
    "offences",
    "information",
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "automated",
    "revocation",
    "complaint",
    "processor",
    "records",
    "records_controller",
    "security",
    "breach",
    "dpo",
    "contract",
    "legal_obligation",
    "legitimate_interest",
    "public_task",
    "special_claims",
    "accountability",
    "dpia",
    "family_notice",
)
"""Every key each regime in ``places/data/regimes.yaml`` provides under ``refs``."""


def ref(regime: str, key: str) -> str:
    """The provision ``key`` of ``regime`` ("Art. 6 Abs. 1 lit. f DSGVO", "§ 13 DSG-EKD", "nach dem KDG").

    A value that names the law only ("dem KDG") reads "nach dem KDG", as in the template macro.
    """
    value = regimes()[regime].refs[key]
    return f"nach {value}" if value.startswith("dem ") else value


def service_ref(service: AdviceService, key: str) -> str:
    """The provision ``key`` of the regime that governs ``service`` (set or derived)."""
    return ref(derive_regime(service)[0], key)
