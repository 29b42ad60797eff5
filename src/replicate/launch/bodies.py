"""The municipality's bodies (council, preparing committee, head of the administration) in the grammatical
forms the launch documents need.

The names come from the places data, as the other templates take them (``includes/places.jinja``): the
settings (``municipality.council``, ``municipality.representative``) first, then the Land's own council
names, then the default of the municipality kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from replicate.places.load import find_land, kinds

if TYPE_CHECKING:
    from replicate.settings.model import Municipality


@dataclass(frozen=True)
class Bodies:
    """The elected body, its preparing committee and the head of the administration."""

    council: str
    """Name of the council without article: Stadtrat, Kreistag, Gemeinderat, Regionsversammlung …"""
    feminine: bool
    """Whether the council's name is feminine (Regionsversammlung, Gemeindevertretung)."""
    head: str
    """Oberbürgermeisterin oder Oberbürgermeister, Landrätin oder Landrat …"""

    @property
    def council_nom(self) -> str:
        """„der Stadtrat“, „die Regionsversammlung“."""
        return f"{'die' if self.feminine else 'der'} {self.council}"

    @property
    def council_acc(self) -> str:
        """„den Stadtrat“, „die Regionsversammlung“."""
        return f"{'die' if self.feminine else 'den'} {self.council}"

    @property
    def council_dat(self) -> str:
        """„dem Stadtrat“, „der Regionsversammlung“."""
        return f"{'der' if self.feminine else 'dem'} {self.council}"

    @property
    def council_gen(self) -> str:
        """„des Stadtrats“, „der Regionsversammlung“."""
        if self.feminine:
            return f"der {self.council}"
        first, _, rest = self.council.partition(" ")  # „Rat der Stadt“ → „des Rats der Stadt“
        return f"des {first}s{' ' + rest if rest else ''}"

    @property
    def in_council(self) -> str:
        """„im Stadtrat“, „in der Regionsversammlung“."""
        return f"in der {self.council}" if self.feminine else f"im {self.council}"

    @property
    def committee(self) -> str:
        """The committee that prepares the decision, after „im“ (generic: the real one is in the rules of
        procedure): „zuständigen Ausschuss des Stadtrats“."""
        return f"zuständigen Ausschuss {self.council_gen}"

    @property
    def head_article(self) -> str:
        """The head with articles: „die Landrätin oder der Landrat“ (one article where one title is set)."""
        parts = self.head.split(" oder ")
        if len(parts) == 2:
            return f"die {parts[0]} oder der {parts[1]}"
        return f"{'die' if self.head.endswith('in') else 'der'} {self.head}"


def bodies_for(municipality: Municipality) -> Bodies:
    """The bodies of ``municipality`` (settings, then Land data, then the kind's default)."""
    kind = kinds()[municipality.kind]
    land = find_land(municipality.state)
    council = municipality.council or (land.councils.get(municipality.kind) if land else None) or kind.council
    head = municipality.representative or kind.representative
    return Bodies(council=council, feminine=council.split(" ")[0].endswith(("ung", "schaft")), head=head)
