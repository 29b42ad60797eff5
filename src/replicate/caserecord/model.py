"""The pseudonymous case record shared by intake forms, the screener and the reports."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from replicate.caserecord._base import Part
from replicate.caserecord.family import FamilyLink
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

SCHEMA_VERSION = "1"


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

    schema_version: Literal["1"] = "1"
    """Version des Fallschemas."""
    case_id: str = ""
    """Pseudonym oder Aktenzeichen der Beratungsstelle (kein Name)."""
    birth_date: date | None = None
    """Geburtsdatum."""
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

    @model_validator(mode="after")
    def _dates_in_order(self) -> CaseRecord:
        if self.birth_date and self.entry_date and self.entry_date < self.birth_date:
            raise ValueError("Einreisedatum liegt vor dem Geburtsdatum")
        return self
