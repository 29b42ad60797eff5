"""The settings model: one typed, documented description of a local project.

Every field carries a docstring (exported as its description into the JSON Schema and into the
starter file written by ``replicate init``). Unknown keys are errors everywhere.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from replicate.indicators import indicator_ids

MunicipalityKind = Literal[
    "kreisfreie Stadt", "Landkreis", "Große Kreisstadt", "kreisangehörige Stadt", "Gemeinde"
]
Cadence = Literal["monatlich", "vierteljährlich", "halbjährlich", "jährlich"]
Format = Literal["html", "docx", "odt", "pdf"]
ClientLanguage = Literal["de", "en", "ar", "fa", "ru", "uk", "fr", "tr", "ku", "ps", "ti", "so"]
Contacter = Literal["Ausländerbehörde", "Beratungsstelle", "gemeinsam"]
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

LANGUAGE_NAMES: dict[str, str] = {
    "de": "Deutsch",
    "en": "Englisch",
    "ar": "Arabisch",
    "fa": "Farsi",
    "ru": "Russisch",
    "uk": "Ukrainisch",
    "fr": "Französisch",
    "tr": "Türkisch",
    "ku": "Kurdisch",
    "ps": "Paschtu",
    "ti": "Tigrinya",
    "so": "Somali",
}


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=True)


class Address(_Section):
    """A postal address."""

    street: str = Field(min_length=1, examples=["Musterstraße 1"])
    """Street and house number."""
    postal_code: str = Field(pattern=r"^\d{5}$", examples=["01067"])
    """Five-digit German postal code (PLZ)."""
    city: str = Field(min_length=1, examples=["Musterstadt"])
    """City or town."""


class Municipality(_Section):
    """The municipality (Kommune) that launches the project."""

    name: str = Field(min_length=2, examples=["Stadt Musterstadt"])
    """Official name, e.g. "Landeshauptstadt Dresden" or "Landkreis Bautzen"."""
    short_name: str = Field(min_length=2, examples=["Musterstadt"])
    """Short name used in running text and in the project name, e.g. "Dresden"."""
    kind: MunicipalityKind = Field(examples=["kreisfreie Stadt"])
    """Kind of local authority: kreisfreie Stadt, Landkreis, Große Kreisstadt, kreisangehörige Stadt or Gemeinde."""
    state: str = Field(default="Sachsen", examples=["Sachsen"])
    """German Land the municipality belongs to."""
    ags: str | None = Field(default=None, pattern=r"^\d{8}$", examples=["14612000"])
    """Amtlicher Gemeindeschlüssel (8 digits), optional."""
    tolerated_persons: int | None = Field(default=None, ge=0, examples=[1400])
    """Number of tolerated persons (Geduldete) living in the municipality, optional; the indicator baseline."""
    tolerated_long_term: int | None = Field(default=None, ge=0, examples=[700])
    """Of them, tolerated for more than five years (Langzeitgeduldete), optional."""
    figures_date: dt.date | None = Field(default=None, examples=["2025-12-31"])
    """Date the local figures refer to (required when figures are given)."""
    figures_source: str | None = Field(default=None, examples=["Ausländerzentralregister, Auswertung der Stadt"])
    """Where the local figures come from, optional."""

    @model_validator(mode="after")
    def _figures_consistent(self) -> Municipality:
        if (
            self.tolerated_persons is not None
            and self.tolerated_long_term is not None
            and self.tolerated_long_term > self.tolerated_persons
        ):
            raise ValueError(
                "tolerated_long_term ist größer als tolerated_persons: die Langzeitgeduldeten sind "
                "eine Teilmenge aller Geduldeten"
            )
        has_figures = self.tolerated_persons is not None or self.tolerated_long_term is not None
        if has_figures and self.figures_date is None:
            raise ValueError("figures_date fehlt: geben Sie an, auf welches Datum sich die Zahlen beziehen")
        return self


class Authority(_Section):
    """The local Ausländerbehörde (immigration authority)."""

    name: str = Field(min_length=2, examples=["Ausländerbehörde der Stadt Musterstadt"])
    """Official name of the Ausländerbehörde."""
    parent_office: str = Field(min_length=2, examples=["Bürgeramt"])
    """The office or department it belongs to (Amt, Dezernat or Geschäftsbereich)."""
    address: Address
    """Postal address of the authority."""
    contact_role: str = Field(min_length=2, examples=["Sachgebietsleitung Aufenthaltsbeendigung"])
    """The role (not a person) that is the contact for the project."""
    email: str = Field(pattern=EMAIL_PATTERN, examples=["auslaenderbehoerde@musterstadt.de"])
    """Functional e-mail address for the project."""
    phone: str = Field(pattern=r"^\+?[0-9 ()/-]{6,}$", examples=["0351 000000"])
    """Phone number of the contact role."""


class AdviceService(_Section):
    """The independent advice service (Beratungsstelle) that runs the project."""

    organisation: str = Field(min_length=2, examples=["Flüchtlingsrat Musterland e.V."])
    """Name of the organisation that runs the advice service."""
    legal_form: str = Field(examples=["eingetragener Verein"])
    """Legal form, e.g. "eingetragener Verein" or "gGmbH"."""
    address: Address
    """Postal address of the advice service."""
    project_name: str = Field(min_length=2, examples=["Perspektive Bleiberecht Musterstadt"])
    """Name of the local project."""
    contact_role: str = Field(min_length=2, examples=["Projektkoordination"])
    """The role (not a person) that is the contact for the authority and the funder."""
    email: str = Field(pattern=EMAIL_PATTERN, examples=["bleiberecht@example.org"])
    """Functional e-mail address of the project."""
    phone: str = Field(pattern=r"^\+?[0-9 ()/-]{6,}$", examples=["0351 111111"])
    """Phone number of the project."""
    staff_fte: float = Field(gt=0, le=50, examples=[2.0])
    """Advice staff in full-time equivalents (Vollzeitäquivalente)."""
    advice_languages: list[str] = Field(min_length=1, examples=[["Deutsch", "Englisch"]])
    """Languages in which advice is given (by staff or with interpreters), as German names."""
    qualified_legal_advice: bool = Field(examples=[True])
    """Whether legal advice is given by or under the guidance of a person qualified under § 6 Abs. 2 / § 7 RDG."""
    started: dt.date | None = Field(default=None, examples=["2027-03-01"])
    """Date the advice service starts (or started), optional."""


class Period(_Section):
    """A period of time with start and end date."""

    start: dt.date = Field(examples=["2027-01-01"])
    """First day of the period."""
    end: dt.date = Field(examples=["2028-12-31"])
    """Last day of the period."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end <= self.start:
            raise ValueError(
                f"end ({self.end.isoformat()}) liegt nicht nach start ({self.start.isoformat()}): "
                "das Ende muss nach dem Beginn liegen"
            )
        return self


class IndicatorTarget(_Section):
    """An indicator the funder requires, with its target."""

    id: str = Field(examples=["beratene_personen"])
    """Indicator id from the catalog (see `replicate schema`), e.g. beratene_personen, titel_erteilt."""
    target: float | None = Field(default=None, ge=0, examples=[150])
    """Target value for the whole funding period, optional."""

    @field_validator("id")
    @classmethod
    def _known(cls, value: str) -> str:
        known = indicator_ids()
        if value not in known:
            import difflib

            close = difflib.get_close_matches(value, known, n=1)
            tip = f" Meinten Sie „{close[0]}“?" if close else ""
            raise ValueError(f"unbekannter Indikator „{value}“.{tip} Bekannt sind: {', '.join(known)}")
        return value


class Funder(_Section):
    """The funder (Zuwendungsgeber) of the project."""

    name: str = Field(min_length=2, examples=["Fachkräfteallianz Musterregion"])
    """Name of the funding body."""
    programme: str = Field(min_length=2, examples=["Regionales Handlungsbudget"])
    """Funding programme or budget line."""
    period: Period
    """Funding period."""
    amount_eur: float | None = Field(default=None, gt=0, examples=[180000])
    """Total funding in euros, optional."""
    reporting_cadence: Cadence = Field(examples=["halbjährlich"])
    """How often the funder expects a report: monatlich, vierteljährlich, halbjährlich or jährlich."""
    indicators: list[IndicatorTarget] = Field(min_length=1)
    """Indicators the funder requires, each with an optional target."""

    @field_validator("indicators")
    @classmethod
    def _unique(cls, value: list[IndicatorTarget]) -> list[IndicatorTarget]:
        seen: set[str] = set()
        for item in value:
            if item.id in seen:
                raise ValueError(f"Indikator „{item.id}“ ist doppelt angegeben")
            seen.add(item.id)
        return value


class LandBodies(_Section):
    """Bodies at Land level that the cooperation involves."""

    hardship_commission: str = Field(examples=["Sächsische Härtefallkommission"])
    """Name of the Land's Härtefallkommission (§ 23a AufenthG)."""
    removal_authority: str | None = Field(default=None, examples=["Zentrale Ausländerbehörde"])
    """Central authority for removals at Land level, if one exists (else the local authority removes)."""
    interior_ministry: str = Field(examples=["Sächsisches Staatsministerium des Innern"])
    """Supreme Land authority that orders a hardship residence permit (§ 23a Abs. 1 AufenthG)."""


class Cooperation(_Section):
    """How the authority and the advice service work together."""

    meeting_cadence: Cadence = Field(examples=["monatlich"])
    """How often the cooperation partners meet for an exchange: monatlich, vierteljährlich, halbjährlich or jährlich."""
    referral_route: str = Field(min_length=5, examples=["Die Ausländerbehörde übergibt den Informationsbrief"])
    """How people reach the advice service (e.g. letter from the authority, referral at the counter)."""
    target_group_contact: Contacter = Field(examples=["Ausländerbehörde"])
    """Who writes to the target group: Ausländerbehörde, Beratungsstelle or gemeinsam."""
    escalation_contact: str = Field(min_length=2, examples=["Amtsleitung Bürgeramt"])
    """Role to turn to when a case cannot be resolved at working level."""
    response_days: int = Field(default=10, ge=1, le=60, examples=[10])
    """Working days within which each side answers a case enquiry."""
    policy_anchor: str | None = Field(default=None, examples=["Integrationskonzept der Stadt Musterstadt"])
    """Local policy document the project is anchored in, optional (e.g. an Aktionsplan Integration)."""
    integration_office: str | None = Field(default=None, examples=["Integrationsbeauftragte der Stadt"])
    """Municipal integration office that co-signs the agreement, optional."""
    land_bodies: LandBodies
    """Bodies at Land level."""


class KitOptions(_Section):
    """Options for the generated kit."""

    reference_date: dt.date = Field(default_factory=dt.date.today, examples=["2026-11-25"])
    """Reference date of the legal state the kit describes (Stand der Rechtslage); default today."""
    formats: list[Format] = Field(default=["html", "docx", "odt", "pdf"], min_length=1)
    """Output formats built from every document: html, docx, odt, pdf."""
    client_languages: list[ClientLanguage] = Field(default=["de", "en", "ar", "fa", "ru", "uk"], min_length=1)
    """Languages of client-facing forms and letters (ISO 639-1 codes); German is always included."""
    logo: Path | None = None
    """Optional logo (PNG, JPG or SVG), relative to the settings file, shown in the document header."""
    reference_docx: Path | None = None
    """Optional Word document whose styles (corporate design) are used for DOCX output."""

    @field_validator("client_languages")
    @classmethod
    def _with_german(cls, value: list[str]) -> list[str]:
        ordered = ["de", *[code for code in dict.fromkeys(value) if code != "de"]]
        return ordered

    @field_validator("formats")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


SECTIONS: dict[str, type[_Section]] = {
    "municipality": Municipality,
    "authority": Authority,
    "advice_service": AdviceService,
    "funder": Funder,
    "cooperation": Cooperation,
    "kit": KitOptions,
}
