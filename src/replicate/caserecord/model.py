"""The pseudonymous case record shared by intake forms, the screener and the reports."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from replicate.caserecord._base import Part
from replicate.caserecord.family import FamilyLink
from replicate.caserecord.history import CaseEvent
from replicate.caserecord.history_rules import history_problems, problem_details
from replicate.caserecord.nationality import PATTERN, check_nationality
from replicate.caserecord.parts import (
    Asylum,
    Education,
    Household,
    Identity,
    Job,
    Language,
    Livelihood,
    StatusPeriod,
)
from replicate.caserecord.record_parts import (
    Applications,
    Conviction,
    Hardship,
    Health,
    Removal,
    Security,
)

SCHEMA_VERSION = "2"
READABLE_VERSIONS = ("1", "2")
"""Versions read by replicate; version 1 (no history, nationality, gender) is read as version 2."""


def _nationality(value: Any) -> Any:
    return check_nationality(value) if isinstance(value, str) else value


Nationality = Annotated[str, StringConstraints(pattern=PATTERN), BeforeValidator(_nationality)]
Gender = Literal["weiblich", "maennlich", "divers", "keine_angabe"]

_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
"""Control, zero-width and direction characters: a pseudonym with them prints differently from how it is stored
(and a terminal may act on them), so it could not be found again."""


class Employment(Part):
    """Employment history and permission to work."""

    jobs: list[Job] | None = None
    """Beschäftigungen mit Zeiträumen, Stunden und Sozialversicherungspflicht; leere Liste = keine
    Beschäftigung, leer gelassen = nicht erfragt."""
    work_permit: bool | None = None
    """Liegt eine Beschäftigungserlaubnis vor?"""


class CaseRecord(Part):
    """One advised person, pseudonymous: no name, only what the legal conditions need.

    Unknown facts are left empty; the screener then answers "Angaben fehlen" instead of guessing.
    """

    schema_version: Literal["2"] = "2"
    """Version des Fallschemas; Fallakten der Version 1 (ohne Verlauf) werden als Version 2 gelesen."""
    case_id: str = ""
    """Pseudonym oder Aktenzeichen der Beratungsstelle (kein Name)."""
    birth_date: date | None = None
    """Geburtsdatum."""
    nationality: Nationality | None = None
    """Staatsangehörigkeit (Ländercode nach ISO 3166-1, z. B. SY für Syrien), staatenlos oder ungeklärt."""
    gender: Gender | None = None
    """Geschlecht: weiblich, männlich, divers oder keine Angabe."""
    entry_date: date | None = None
    """Datum der (letzten) Einreise ins Bundesgebiet."""
    status_periods: list[StatusPeriod] = Field(default_factory=list)
    """Lückenlose Statushistorie: Gestattung, Duldungen, Aufenthaltserlaubnisse mit Zeiträumen."""
    asylum: Asylum = Asylum()
    """Asylverfahren und Ergebnis."""
    identity: Identity = Identity()
    """Identität, Dokumente, Mitwirkung."""
    household: Household = Household()
    """Haushalt und Kinder."""
    language: Language = Language()
    """Deutschkenntnisse und staatsbürgerliches Wissen."""
    education: Education = Education()
    """Schule, Abschlüsse, Ausbildung."""
    employment: Employment = Employment()
    """Beschäftigung."""
    livelihood: Livelihood = Livelihood()
    """Lebensunterhalt, Leistungen, Wohnraum."""
    convictions: list[Conviction] | None = None
    """Verurteilungen; leere Liste = keine, leer gelassen = unbekannt."""
    security: Security = Security()
    """Sperren und Ausweisungsinteressen."""
    removal: Removal = Removal()
    """Ausreisehindernisse und drohende Aufenthaltsbeendigung."""
    health: Health = Health()
    """Gesundheit, Behinderung, Alter."""
    hardship: Hardship = Hardship()
    """Härtefallgründe und Verfahren der Härtefallkommission."""
    applications: Applications = Applications()
    """Bereits gestellte Anträge."""
    integration_prognosis_positive: bool | None = None
    """Positive Integrationsprognose (§ 25a Abs. 1 Satz 1 Nr. 4)?"""
    family_links: list[FamilyLink] | None = None
    """Familienangehörige, von denen ein Aufenthaltsrecht abgeleitet werden kann (§ 25a Abs. 2, § 25b Abs. 4,
    § 60d Abs. 2); leere Liste = keine, leer gelassen = nicht erfragt."""
    history: list[CaseEvent] = Field(default_factory=list)
    """Verlauf: datierte Ereignisse des Falls (Beratungen, Verweisung, Anträge, Entscheidungen, Abschluss),
    das früheste zuerst; ohne Freitext."""

    @model_validator(mode="before")
    @classmethod
    def _read_version_1(cls, data: Any) -> Any:
        """A version-1 record is a version-2 record without history, nationality and gender."""
        if isinstance(data, dict) and data.get("schema_version") == "1":
            return {**data, "schema_version": SCHEMA_VERSION}
        return data

    @model_validator(mode="after")
    def _dates_in_order(self) -> CaseRecord:
        if self.birth_date and self.entry_date and self.entry_date < self.birth_date:
            raise ValueError("Einreisedatum liegt vor dem Geburtsdatum")
        return self

    @field_validator("case_id")
    @classmethod
    def _visible_case_id(cls, value: str) -> str:
        found = _INVISIBLE.search(value)
        if found is not None:
            raise PydanticCustomError(
                "case_id",
                "{message}",
                {
                    "message": f"Das Pseudonym enthält ein unsichtbares Steuerzeichen (U+{ord(found.group()):04X}) "
                    f"an Stelle {found.start() + 1}",
                    "hint": "Schreiben Sie das Pseudonym neu, statt es aus einem anderen Programm einzufügen.",
                },
            )
        return value

    @field_validator("history")
    @classmethod
    def _history_valid(cls, events: list[CaseEvent], info: ValidationInfo) -> list[CaseEvent]:
        """Checked after the other fields, so that the case id and birth date can be named and used."""
        problems = history_problems(events, info.data.get("case_id", ""), info.data.get("birth_date"))
        if problems:
            raise ValidationError.from_exception_data(cls.__name__, problem_details(problems, field=None))
        return events
