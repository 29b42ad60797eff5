"""The optional ``[assumptions]`` section: values of the settings file that are assumed, not yet agreed.

A kit is often built before the partners have agreed on everything (or, for the model's own place, from
public reports that leave some figures open). A value listed here is printed in every document with the
marker :data:`MARKER`, and the localisation checklist lists it as a point to agree on. Only values that the
documents print with the marker can be listed (:data:`ASSUMABLE`); any other key is refused with the
closest valid one, so that no value is believed to be marked when it is not.

The template writes the same marker with the macro ``assumed`` in ``template/includes/macros.jinja``;
``tests/settings/test_assumptions.py`` proves that both agree and that every listed key is a real key of the
settings model.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, field_validator
from pydantic_core import PydanticCustomError

from replicate.settings.model import _Section

MARKER_WORDS = "Annahme, noch nicht vereinbart"
"""The words that mark an assumed value in every document."""
MARKER = f" ({MARKER_WORDS})"
"""What follows an assumed value in a document (with its leading space)."""
MARKER_WITHIN = f"; {MARKER_WORDS}"
"""What follows an assumed value that already stands in brackets: „(einmal im Monat; Annahme, …)“."""

ASSUMABLE: dict[str, str] = {
    "cooperation.meeting_cadence": "Turnus der Austauschtreffen",
    "cooperation.response_days": "Antwortfrist für Fallanfragen",
    "advice_service.staff_fte": "Stellenumfang der Beratung",
    "funder.reporting_cadence": "Berichtsrhythmus gegenüber dem Fördergeber",
}
"""Keys that can be marked as assumed (``section.key``) → German label in the checklist."""


def model_field(root: type[BaseModel], dotted: str) -> bool:
    """Whether ``dotted`` (``section.key``) names a field of the settings model ``root``."""
    model: Any = root
    for part in dotted.split("."):
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            return False
        model = fields[part].annotation
    return True


def _refuse(message: str, hint: str) -> PydanticCustomError:
    return PydanticCustomError("assumption", "{message}", {"message": message, "hint": hint})


def _assumable(value: str) -> str:
    key = value.strip()
    if key in ASSUMABLE:
        return key
    listed = ", ".join(ASSUMABLE)
    from replicate.settings.root import Settings

    if model_field(Settings, key):
        raise _refuse(
            f"„{key}“ kann nicht als Annahme markiert werden: kein Dokument kennzeichnet diesen Wert",
            f"Markieren lassen sich: {listed}. Andere Angaben prüfen Sie vor der Verwendung mit der "
            "Checkliste (projekt/lokalisierung-checkliste.md).",
        )
    close = difflib.get_close_matches(key, list(ASSUMABLE), n=1, cutoff=0.5)
    tip = f"Meinten Sie „{close[0]}“? " if close else ""
    raise _refuse(
        f"unbekannter Schlüssel „{key}“ in der Liste der Annahmen",
        f"{tip}Schreiben Sie Abschnitt und Schlüssel mit Punkt, z. B. „cooperation.meeting_cadence“. "
        f"Markieren lassen sich: {listed}.",
    )


AssumedKey = Annotated[str, AfterValidator(_assumable)]


class Assumptions(_Section):
    """Values of the settings that are assumed, not yet agreed between the partners."""

    marked: list[AssumedKey] = Field(
        default=[], examples=[["cooperation.meeting_cadence", "advice_service.staff_fte"]]
    )
    """Angaben dieser Datei, die angenommen und noch nicht vereinbart sind, je als „abschnitt.schlüssel“: cooperation.meeting_cadence (Turnus der Treffen), cooperation.response_days (Antwortfrist), advice_service.staff_fte (Stellenumfang), funder.reporting_cadence (Berichtsrhythmus). Jedes Dokument nennt einen solchen Wert „Annahme, noch nicht vereinbart“, und die Checkliste führt ihn als offenen Punkt."""

    @field_validator("marked")
    @classmethod
    def _once(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    def note(self, key: str) -> str:
        """The marker for ``key`` when it is marked as assumed, else ``""``."""
        if key not in ASSUMABLE:
            raise KeyError(key)  # a programming error: only markable keys are printed with a note
        return MARKER if key in self.marked else ""
