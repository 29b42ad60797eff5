"""Rule data: dated parameters, conditions, pathways, as read from ``rules/data/*.yaml``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Tag, field_validator

Value = bool | int | float | date | str | list[str] | None
Kind = Literal["zwingend", "in_der_regel", "ermessen"]
GrantKind = Literal["anspruch", "soll", "regel", "kann", "ersuchen", "uebergang"]

KIND_LABELS: dict[str, str] = {
    "zwingend": "zwingend",
    "in_der_regel": "in der Regel (Ausnahme im atypischen Fall)",
    "ermessen": "Ermessen der Behörde",
}
GRANT_LABELS: dict[str, str] = {
    "anspruch": "Anspruch („ist zu erteilen“)",
    "soll": "Soll-Vorschrift („soll erteilt werden“)",
    "regel": "Regelanspruch („ist in der Regel zu erteilen“)",
    "kann": "Ermessen („kann erteilt werden“)",
    "ersuchen": "Ermessen der obersten Landesbehörde auf Ersuchen der Härtefallkommission",
    "uebergang": "Übergangsregelung",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


def balanced(items: list[str]) -> list[str]:
    """Refuse list items with unbalanced brackets: in a YAML flow list ``[a (b, c), d]`` every comma
    starts a new item, so "Sprachzertifikat (DTZ, telc, Goethe)" would arrive as three broken items."""
    for item in items:
        if item.count("(") != item.count(")") or item.count("[") != item.count("]"):
            raise ValueError(
                f"Eintrag „{item}“ hat eine offene Klammer: in einer Liste in eckigen Klammern trennt "
                "jedes Komma einen Eintrag – den Eintrag in Anführungszeichen setzen oder die Liste "
                "untereinander mit „- “ schreiben"
            )
    return items


class MissingValue(LookupError):
    """A parameter has no value in force on the requested date."""


_AT: dict[tuple[int, date], Any] = {}
"""Memo of ``Parameter.at`` (rules are immutable; screening asks the same date thousands of times)."""
_KEEP: dict[int, Any] = {}


class Parameter(_Strict):
    """A number, date or list the law fixes, with the dates from which each value applies."""

    description: str
    """What the value means (German)."""
    reference: str
    """Legal citation (and source) of the value."""
    values: dict[date, Value]
    """Value by the date from which it applies; ``null`` ends the parameter."""
    unit: str | None = None
    """Unit, e.g. ``Jahre``, ``Monate``, ``Stunden/Woche``, ``Tagessätze``."""
    statutory: bool = True
    """Fixed by statute (may not be changed locally); ``false`` for administrative practice."""
    above: float | None = None
    """A local value must be greater than this, because the statute's wording bounds it (e.g. 50 for
    „überwiegend“: more than half)."""
    labels: dict[str, str] = {}
    """German wording of coded values (list parameters), shown to people instead of the codes."""

    def at(self, day: date) -> Value:
        """The value in force on ``day``; raises MissingValue if there is none."""
        key = (id(self), day)
        found: Any = _AT.get(key, MissingValue)
        if found is MissingValue:
            for start in sorted(self.values):
                if start <= day:
                    found = self.values[start]
            _AT[key] = found
            _KEEP[id(self)] = self  # keeps the id unique while its memo entries exist
        if found is MissingValue:
            raise MissingValue(self.description)
        return found  # type: ignore[no-any-return]


class Condition(_Strict):
    """One condition of a pathway (or a cross-cutting bar) with its citation and evidence."""

    id: str
    """Stable id, ``pathway.name`` or, for cross-cutting bars, a bare name; code keys predicates on it."""
    label: str
    """German label."""
    reference: str
    """Paragraph, Absatz, Nummer, Satz."""
    kind: Kind
    """zwingend, in_der_regel (exceptions possible) or ermessen (discretion)."""
    parameters: dict[str, Parameter] = {}
    """Dated parameters used by the predicate."""
    evidence: list[str] = []
    """What an adviser should ask for (German)."""
    next_step: str = ""
    """What to do if the condition is not met or unknown (German)."""
    unsettled: str | None = None
    """If set: the law is unsettled here; a negative finding becomes "manuelle Prüfung" with this reason."""
    valid_from: date | None = None
    """First day the condition applies."""
    valid_until: date | None = None
    """Last day the condition applies."""
    lifted_by: list[str] = []
    """Cross-cutting bars only: pathways whose statute lifts this bar (documentation, checked on load)."""
    note: str | None = None
    """Explanatory note for advisers."""
    local_notes: list[str] = []
    """Filled by local adjustments: municipal notes."""
    local_practice: str | None = None
    """Filled by local adjustments: documented local practice."""

    @field_validator("evidence")
    @classmethod
    def _evidence_balanced(cls, items: list[str]) -> list[str]:
        return balanced(items)

    def in_force(self, day: date) -> bool:
        """Whether the condition applies on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


class ConditionRef(_Strict):
    """Use of a condition defined elsewhere (``bars.yaml`` or another pathway), optionally re-cited."""

    use: str
    """Id of the condition used."""
    reference: str | None = None
    """Citation in this pathway, if different."""
    kind: Kind | None = None
    """Kind in this pathway, if different."""
    unsettled: str | None = None
    """Reason why the law is unsettled for this pathway."""
    next_step: str | None = None
    """Next step in this pathway, if different."""
    note: str | None = None
    """Note for this pathway."""


def _which(value: Any) -> str:
    return "ref" if isinstance(value, dict) and "use" in value else "own"


ConditionEntry = Annotated[
    Annotated[Condition, Tag("own")] | Annotated[ConditionRef, Tag("ref")], Discriminator(_which)
]


class Pathway(_Strict):
    """A route to a residence title or a Duldung."""

    id: str
    """Stable id, e.g. ``p25b``."""
    title: str
    """German title."""
    reference: str
    """Legal basis."""
    grants: str
    """What it leads to (German)."""
    grant_kind: GrantKind
    """Claim, Soll, Regel, Kann, Härtefallersuchen or transition."""
    abschnitt5: bool = False
    """Title under Kapitel 2 Abschnitt 5 (§ 5 Abs. 3 Satz 2, § 11 Abs. 4 Satz 2)."""
    valid_from: date | None = None
    """First day the pathway applies."""
    valid_until: date | None = None
    """Last day the pathway applies."""
    parameters: dict[str, Parameter] = {}
    """Pathway-wide parameters (duration …)."""
    conditions: list[ConditionEntry]
    """Conditions in statutory order."""
    procedure: list[str] = []
    """Procedural steps (German), e.g. for the Härtefall route."""
    notes: list[str] = []
    """Notes for advisers (German)."""

    @field_validator("procedure", "notes")
    @classmethod
    def _lists_balanced(cls, items: list[str]) -> list[str]:
        return balanced(items)

    def in_force(self, day: date) -> bool:
        """Whether the pathway applies on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


class PathwayFile(_Strict):
    """One ``rules/data/pNN.yaml``: a pathway and its variants (e.g. § 25b Abs. 6)."""

    pathways: list[Pathway]
    """The main pathway first, then its variants."""


class BarsFile(_Strict):
    """``rules/data/bars.yaml``: cross-cutting bars and shared parameters, modelled once."""

    parameters: dict[str, Parameter] = {}
    """Shared parameters (§ 60b periods, § 104c holder privileges, § 2 Abs. 3 …)."""
    conditions: list[Condition]
    """Cross-cutting conditions referenced by pathways with ``use:``."""
