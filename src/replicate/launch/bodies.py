"""The municipality's bodies (council, preparing committee, head of the administration) in the grammatical
forms the launch documents need.

The names come from the places data, as the other templates take them (``includes/places.jinja``): the
settings (``municipality.council``, ``municipality.representative``) first, then the Land's own council
names, then the default of the municipality kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from replicate.places.load import find_land, kinds

if TYPE_CHECKING:
    from replicate.settings.model import Municipality


ARTICLES = {
    "f": {"nom": "die", "acc": "die", "dat": "der", "gen": "der", "in": "in der"},
    "m": {"nom": "der", "acc": "den", "dat": "dem", "gen": "des", "in": "im"},
    "n": {"nom": "das", "acc": "das", "dat": "dem", "gen": "des", "in": "im"},
}
"""Definite articles (and "in" + article) by grammatical gender and case."""


def council_gender(council: str) -> Literal["f", "m", "n"]:
    """Grammatical gender of a council's name from its head noun: „-versammlung“, „-vertretung“, „-schaft“ are
    feminine, „Abgeordnetenhaus“ is neuter, „Stadtrat“, „Kreistag“, „Rat der Stadt“ are masculine."""
    head = council.split(" ")[0]
    if head.endswith(("ung", "schaft")):
        return "f"
    if head.endswith(("haus", "parlament")):
        return "n"
    return "m"


@dataclass(frozen=True)
class Bodies:
    """The elected body, its preparing committee and the head of the administration."""

    council: str
    """Name of the council without article: Stadtrat, Kreistag, Gemeinderat, Regionsversammlung …"""
    gender: Literal["f", "m", "n"]
    """Grammatical gender of the council's name (Regionsversammlung: f, Abgeordnetenhaus: n)."""
    head: str
    """Oberbürgermeisterin oder Oberbürgermeister, Landrätin oder Landrat, Senat …"""
    city_state: bool = False
    """Whether the municipality lies in a city-state (no Gemeinde- or Landkreisordnung, no Haushaltssatzung)."""

    @property
    def local_law(self) -> str:
        """The law on the council's competence, as the playbook's ``{kommunalrecht}``."""
        if self.city_state:
            return "Verfassung und Verwaltungsrecht des Landes (Stadtstaat)"
        return "Gemeinde- oder Landkreisordnung des Landes"

    @property
    def budget_law(self) -> str:
        """The budget law, as the playbook's ``{haushaltsrecht}``."""
        return (
            "Haushaltsrecht des Landes und seiner Gemeinden"
            if self.city_state
            else ("Haushaltsrecht der Gemeinde- oder Landkreisordnung")
        )

    @property
    def budget_act(self) -> str:
        """The act that adopts the budget, as the playbook's ``{haushaltsakt}``."""
        return "Haushaltsgesetz oder Haushaltsbeschluss" if self.city_state else "Haushaltssatzung"

    @property
    def council_nom(self) -> str:
        """„der Stadtrat“, „die Regionsversammlung“, „das Abgeordnetenhaus“."""
        return f"{ARTICLES[self.gender]['nom']} {self.council}"

    @property
    def council_acc(self) -> str:
        """„den Stadtrat“, „die Regionsversammlung“."""
        return f"{ARTICLES[self.gender]['acc']} {self.council}"

    @property
    def council_dat(self) -> str:
        """„dem Stadtrat“, „der Regionsversammlung“."""
        return f"{ARTICLES[self.gender]['dat']} {self.council}"

    @property
    def council_gen(self) -> str:
        """„des Stadtrats“, „der Regionsversammlung“, „des Abgeordnetenhauses“."""
        if self.gender == "f":
            return f"der {self.council}"
        first, _, rest = self.council.partition(" ")  # „Rat der Stadt“ → „des Rats der Stadt“
        ending = "es" if first.endswith(("s", "z", "x")) else "s"
        return f"des {first}{ending}{' ' + rest if rest else ''}"

    @property
    def in_council(self) -> str:
        """„im Stadtrat“, „in der Regionsversammlung“."""
        return f"{ARTICLES[self.gender]['in']} {self.council}"

    @property
    def committee(self) -> str:
        """The committee that prepares the decision, after „im“ (generic: the real one is in the rules of
        procedure): „zuständigen Ausschuss des Stadtrats“."""
        return f"zuständigen Ausschuss {self.council_gen}"

    @property
    def head_article(self) -> str:
        """The head with articles: „die Landrätin oder der Landrat“ (one article where one title is set); an
        adjective in front takes the weak ending („der Regierende Bürgermeister“)."""
        parts = self.head.split(" oder ")
        if len(parts) == 2:
            return f"die {parts[0]} oder der {_weak(parts[1])}"
        if self.head.endswith("in"):
            return f"die {self.head}"
        return f"{'das' if self.head.endswith('amt') else 'der'} {_weak(self.head)}"


def _weak(title: str) -> str:
    """„Regierender Bürgermeister“ → „Regierende Bürgermeister“ after a definite article."""
    first, _, rest = title.partition(" ")
    if rest and first.endswith("er") and first[:1].isupper() and rest[:1].isupper():
        return f"{first[:-1]} {rest}"
    return title


def bodies_for(municipality: Municipality) -> Bodies:
    """The bodies of ``municipality`` (settings, then Land data, then the kind's default)."""
    kind = kinds()[municipality.kind]
    land = find_land(municipality.state)
    council = municipality.council or (land.councils.get(municipality.kind) if land else None) or kind.council
    head = (
        municipality.representative
        or (land.representatives.get(municipality.kind) if land else None)
        or kind.representative
    )
    city_state = bool(land and land.kinds)
    return Bodies(council=council, gender=council_gender(council), head=head, city_state=city_state)
