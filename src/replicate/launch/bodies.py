"""Names of the municipality's bodies by the kind of municipality.

One small function on purpose: engineer "places" adds the council body per municipality kind to the
settings; after the merge this function should read that instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bodies:
    """The elected body, its preparing committee and the head of the administration."""

    council: str
    """Stadtrat, Kreistag or Gemeinderat."""
    council_dative: str
    """„im Stadtrat“ …: the form after „im“."""
    committee: str
    """The committee that prepares the decision (generic name; the real one is in the rules of procedure)."""
    head: str
    """Oberbürgermeister(in), Landrat/Landrätin or Bürgermeister(in)."""
    head_article: str
    """The head with articles, nominative: „die Landrätin oder der Landrat“."""


def bodies_for(kind: str) -> Bodies:
    """The bodies of a municipality of ``kind`` (the settings' ``municipality.kind``)."""
    if kind == "Landkreis":
        return Bodies(
            "Kreistag",
            "Kreistag",
            "zuständigen Ausschuss des Kreistags",
            "Landrätin oder Landrat",
            "die Landrätin oder der Landrat",
        )
    if kind == "Gemeinde":
        return Bodies(
            "Gemeinderat",
            "Gemeinderat",
            "zuständigen Ausschuss des Gemeinderats",
            "Bürgermeisterin oder Bürgermeister",
            "die Bürgermeisterin oder der Bürgermeister",
        )
    if kind == "kreisangehörige Stadt":
        return Bodies(
            "Stadtrat",
            "Stadtrat",
            "zuständigen Ausschuss des Stadtrats",
            "Bürgermeisterin oder Bürgermeister",
            "die Bürgermeisterin oder der Bürgermeister",
        )
    return Bodies(
        "Stadtrat",
        "Stadtrat",
        "zuständigen Ausschuss des Stadtrats",
        "Oberbürgermeisterin oder Oberbürgermeister",
        "die Oberbürgermeisterin oder der Oberbürgermeister",
    )
