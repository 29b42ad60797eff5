"""A pydantic model of publiccode.yml 0.4 that mirrors the rules of the official validator.

The rules follow ``publiccode-parser-go`` (v4, ``v0.go``) and the standard's ``schema.core.rst``:
required keys, enumerations, the controlled vocabularies, length limits of the descriptions,
contacts or contractors depending on the maintenance type. Unknown keys are refused everywhere,
so a country section the standard does not define (``de:``) is an error, not silently ignored.
We write no country section at all (the standard defines only ``it``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from replicate.publiccode.vocabulary import CATEGORIES, SCOPES, VERSIONS

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
"""A BCP 47 tag with its primary language subtag (``de``, ``de-DE``, ``sl-IT-nedis``)."""
SPDX = re.compile(r"^\(?[A-Za-z0-9.+-]+\)?( (AND|OR|WITH) \(?[A-Za-z0-9.+-]+\)?)*$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def _url(value: str | None) -> str | None:
    if value is not None and not URL.match(value):
        raise ValueError(f"„{value}“ ist keine http(s)-Adresse")
    return value


class Description(_Strict):
    localisedName: str | None = None
    shortDescription: str = Field(max_length=150)
    longDescription: str = Field(min_length=150, max_length=10000)
    documentation: str | None = None
    apiDocumentation: str | None = None
    features: list[str] = Field(min_length=1)
    screenshots: list[str] = []
    videos: list[str] = []
    awards: list[str] = []

    _urls = field_validator("documentation", "apiDocumentation")(_url)


class Legal(_Strict):
    license: str
    mainCopyrightOwner: str | None = None
    repoOwner: str | None = None

    @field_validator("license")
    @classmethod
    def _spdx(cls, value: str) -> str:
        if not SPDX.match(value):
            raise ValueError(f"„{value}“ ist kein SPDX-Ausdruck (z. B. MIT, CC-BY-4.0, EUPL-1.2)")
        return value


class Contact(_Strict):
    name: str = Field(min_length=1)
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str | None = None
    affiliation: str | None = None


class Contractor(_Strict):
    name: str = Field(min_length=1)
    until: dt.date
    email: str | None = None
    website: str | None = None


class Maintenance(_Strict):
    type: Literal["internal", "contract", "community", "none"]
    contractors: list[Contractor] = []
    contacts: list[Contact] = []

    @model_validator(mode="after")
    def _who(self) -> Maintenance:
        if self.type == "contract" and not self.contractors:
            raise ValueError("maintenance.contractors ist Pflicht, wenn maintenance.type „contract“ ist")
        if self.type in ("internal", "community") and not self.contacts:
            raise ValueError(f"maintenance.contacts ist Pflicht, wenn maintenance.type „{self.type}“ ist")
        return self


class Localisation(_Strict):
    localisationReady: bool
    availableLanguages: list[str] = Field(min_length=1)

    @field_validator("availableLanguages")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not LANGUAGE_TAG.match(tag):
                raise ValueError(f"„{tag}“ ist kein BCP-47-Sprachkürzel")
        return value


class IntendedAudience(_Strict):
    scope: list[str] = []
    countries: list[str] = []
    unsupportedCountries: list[str] = []

    @model_validator(mode="after")
    def _vocabulary(self) -> IntendedAudience:
        unknown = [s for s in self.scope if s not in SCOPES]
        if unknown:
            raise ValueError(f"unbekannter scope „{unknown[0]}“ (siehe scope-list des Standards)")
        for code in [*self.countries, *self.unsupportedCountries]:
            if not re.fullmatch(r"[a-z]{2}", code):
                raise ValueError(f"„{code}“ ist kein Ländercode nach ISO 3166-1 alpha-2 in Kleinbuchstaben")
        return self


class Dependency(_Strict):
    name: str = Field(min_length=1)
    versionMin: str | None = None
    versionMax: str | None = None
    version: str | None = None
    optional: bool | None = None


class DependsOn(_Strict):
    open: list[Dependency] = []
    proprietary: list[Dependency] = []
    hardware: list[Dependency] = []


class PublicCode(_Strict):
    """A publiccode.yml document (core schema 0.4; no country sections)."""

    publiccodeYmlVersion: str
    name: str = Field(min_length=1)
    applicationSuite: str | None = None
    url: str
    landingURL: str | None = None
    isBasedOn: str | list[str] | None = None
    softwareVersion: str | None = None
    releaseDate: dt.date | None = None
    logo: str | None = None
    platforms: list[str] = Field(min_length=1)
    categories: list[str] = Field(min_length=1)
    usedBy: list[str] | None = None
    roadmap: str | None = None
    developmentStatus: Literal["concept", "development", "beta", "stable", "obsolete"]
    softwareType: Literal[
        "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
        "standalone/other", "addon", "library", "configurationFiles",
    ]  # fmt: skip
    intendedAudience: IntendedAudience | None = None
    description: dict[str, Description] = Field(min_length=1)
    legal: Legal
    maintenance: Maintenance
    localisation: Localisation
    dependsOn: DependsOn | None = None

    _urls = field_validator("url", "landingURL", "roadmap")(_url)

    @field_validator("publiccodeYmlVersion")
    @classmethod
    def _version(cls, value: str) -> str:
        if value not in VERSIONS:
            raise ValueError(
                f"Version „{value}“ wird nicht unterstützt; erlaubt: {', '.join(sorted(VERSIONS))}"
            )
        return value

    @field_validator("categories")
    @classmethod
    def _categories(cls, value: list[str]) -> list[str]:
        unknown = [c for c in value if c not in CATEGORIES]
        if unknown:
            raise ValueError(f"unbekannte Kategorie „{unknown[0]}“ (siehe categories-list des Standards)")
        return value

    @field_validator("isBasedOn")
    @classmethod
    def _based_on(cls, value: str | list[str] | None) -> str | list[str] | None:
        for item in [value] if isinstance(value, str) else value or []:
            _url(item)
        return value

    @field_validator("description")
    @classmethod
    def _languages(cls, value: dict[str, Description]) -> dict[str, Description]:
        for tag in value:
            if not LANGUAGE_TAG.match(tag):
                raise ValueError(f"„{tag}“ ist kein BCP-47-Sprachkürzel")
        return value
