"""The settings model: one typed, documented description of a local project.

Every field carries a docstring (exported as its description into the JSON Schema and into the
starter file written by ``replicate init``). Unknown keys are errors everywhere.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from replicate.indicators import indicator_ids
from replicate.languages import CURATED_NAMES, check_language
from replicate.settings.limits import one_line

MunicipalityKind = Literal[
    "kreisfreie Stadt",
    "Landkreis",
    "Kreis",
    "Große Kreisstadt",
    "große kreisangehörige Stadt",
    "kreisangehörige Stadt",
    "Stadt",
    "Gemeinde",
    "Region",
    "Städteregion",
    "Stadtstaat",
    "Bezirk",
    "Stadtgemeinde",
]
DataProtectionRegime = Literal["öffentlich", "privat", "evangelisch", "katholisch"]
Cadence = Literal["monatlich", "vierteljährlich", "halbjährlich", "jährlich"]
Format = Literal["html", "docx", "odt", "pdf"]
ClientLanguage = Annotated[str, AfterValidator(check_language)]
"""An ISO 639 language code that CLDR (Babel) names in German, e.g. ``ka`` (Georgisch)."""
Contacter = Literal["Ausländerbehörde", "Beratungsstelle", "gemeinsam"]
LegalServiceBasis = Literal["befugte Person", "Wohlfahrtsverband", "Kanzlei", "keine"]
"""How the advice service may give individual legal checks (§ 2 Abs. 1 RDG): see ``AdviceService.legal_service_basis``."""
LegalNature = Literal["ohne Rechtsbindung", "öffentlich-rechtlicher Vertrag"]
"""What the cooperation agreement legally is: see ``Cooperation.legal_nature``."""
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

LANGUAGE_NAMES: dict[str, str] = CURATED_NAMES
"""Curated German names of client languages; any other ISO 639 code is named by CLDR (``language_name``)."""


class _Section(BaseModel):
    model_config = ConfigDict(
        extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=True, allow_inf_nan=False
    )

    @field_validator("*", mode="after")
    @classmethod
    def _one_line(cls, value: object) -> object:
        """A line break inside a value becomes a space: values are phrases, never Markdown structure."""
        return one_line(value)


class Address(_Section):
    """A postal address."""

    street: str = Field(min_length=1, examples=["Musterstraße 1"])
    """Straße und Hausnummer."""
    postal_code: str = Field(pattern=r"^\d{5}$", examples=["01067"])
    """Fünfstellige Postleitzahl."""
    city: str = Field(min_length=1, examples=["Musterstadt"])
    """Ort."""


class NameForms(_Section):
    """Grammatical forms of a body's name, each overriding the form derived from its kind."""

    nominative: str | None = Field(default=None, examples=["der Landkreis Görlitz"])
    """Name mit Artikel im Nominativ, z. B. „die Landeshauptstadt Dresden“ oder „der Landkreis Görlitz“."""
    accusative: str | None = Field(default=None, examples=["den Landkreis Görlitz"])
    """Name mit Artikel im Akkusativ („für den Landkreis Görlitz“)."""
    dative: str | None = Field(default=None, examples=["dem Landkreis Görlitz"])
    """Name mit Artikel im Dativ („mit dem Landkreis Görlitz“)."""
    genitive: str | None = Field(default=None, examples=["des Landkreises Görlitz"])
    """Name mit Artikel im Genitiv („Ausländerbehörde des Landkreises Görlitz“)."""
    locative: str | None = Field(default=None, examples=["im Landkreis Görlitz"])
    """Ortsangabe mit Präposition, z. B. „in der Landeshauptstadt Dresden“ oder „im Landkreis Görlitz“."""


class LocalBody(_Section):
    """A local authority (Gebietskörperschaft): name, kind and how it is named and represented."""

    name: str = Field(min_length=2, examples=["Stadt Musterstadt"])
    """Amtlicher Name, z. B. „Landeshauptstadt Dresden“ oder „Landkreis Bautzen“."""
    kind: MunicipalityKind = Field(examples=["kreisfreie Stadt"])
    """Art der Gebietskörperschaft: kreisfreie Stadt, Landkreis, Kreis, Große Kreisstadt, große kreisangehörige Stadt, kreisangehörige Stadt, Stadt, Gemeinde, Region oder Städteregion; in Berlin und Hamburg Stadtstaat (das Land selbst, Name des Landes angeben) oder Bezirk, in Bremen Stadtgemeinde (Bremen) oder kreisfreie Stadt (Bremerhaven)."""
    name_forms: NameForms = Field(default_factory=NameForms)
    """Sprachformen des Namens (mit Artikel, „in der …“/„im …“, Genitiv); ohne Angabe aus Art und Name abgeleitet."""
    representative: str | None = Field(default=None, examples=["Oberbürgermeister"])
    """Amtsbezeichnung der gesetzlichen Vertretung, z. B. „Oberbürgermeisterin“ oder „Landrat“; ohne Angabe aus der Art abgeleitet (beide Formen)."""
    council: str | None = Field(default=None, examples=["Stadtrat"])
    """Name der Vertretungskörperschaft, z. B. „Stadtrat“, „Kreistag“ oder „Rat der Stadt“; ohne Angabe aus Art und Land abgeleitet."""


class Municipality(LocalBody):
    """The municipality (Kommune) that launches the project."""

    short_name: str = Field(min_length=2, examples=["Musterstadt"])
    """Kurzname für Projektnamen und Überschriften, z. B. „Dresden“; im Fließtext stehen die Sprachformen des amtlichen Namens."""
    state: str = Field(default="Sachsen", examples=["Sachsen"])
    """Bundesland, zu dem die Kommune gehört (Name wie „Sachsen“ oder „Nordrhein-Westfalen“, auch „Freistaat Sachsen“ oder „NRW“)."""
    ags: str | None = Field(default=None, pattern=r"^\d{8}$", examples=["14612000"])
    """Amtlicher Gemeindeschlüssel (8 Ziffern), optional; am Ort des Vorbilds (Dresden: 14612000) sagen die Dokumente daran, dass das Projekt das Vorbild selbst ist."""
    tolerated_persons: int | None = Field(default=None, ge=0, examples=[1400])
    """Zahl der geduldeten Menschen in der Kommune, optional; Ausgangswert für die Kennzahlen."""
    tolerated_long_term: int | None = Field(default=None, ge=0, examples=[700])
    """Davon seit mehr als fünf Jahren geduldet (Langzeitgeduldete), optional."""
    figures_date: dt.date | None = Field(default=None, examples=["2025-12-31"])
    """Datum, auf das sich die Zahlen beziehen (Pflicht, wenn Zahlen angegeben sind)."""
    figures_source: str | None = Field(
        default=None, examples=["Ausländerzentralregister, Auswertung der Stadt"]
    )
    """Quelle der Zahlen, optional."""

    @field_validator("state")
    @classmethod
    def _known_land(cls, value: str) -> str:
        from replicate.places.load import find_land, land_names

        land = find_land(value)
        if land is None:
            raise ValueError(f"„{value}“ ist kein deutsches Land. Möglich sind: {', '.join(land_names())}")
        return land.name

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

    @model_validator(mode="after")
    def _kind_exists_in_land(self) -> Municipality:
        from replicate.places.load import city_state_name_problem, kind_problem

        problem = kind_problem(self.kind, self.state) or city_state_name_problem(
            self.kind, self.name, self.state
        )
        if problem:
            raise ValueError(f"kind: {problem}")
        return self


class Authority(_Section):
    """The local Ausländerbehörde (immigration authority)."""

    name: str = Field(min_length=2, examples=["Ausländerbehörde der Stadt Musterstadt"])
    """Amtlicher Name der Ausländerbehörde."""
    parent_office: str = Field(min_length=2, examples=["Bürgeramt"])
    """Amt, Dezernat oder Geschäftsbereich, zu dem die Ausländerbehörde gehört."""
    address: Address
    """Postanschrift der Ausländerbehörde."""
    contact_role: str = Field(min_length=2, examples=["Sachgebietsleitung Aufenthaltsbeendigung"])
    """Funktion (keine Person), die Ansprechstelle für das Projekt ist."""
    email: str = Field(pattern=EMAIL_PATTERN, examples=["auslaenderbehoerde@musterstadt.de"])
    """Funktionspostfach für das Projekt."""
    phone: str = Field(pattern=r"^\+?[0-9 ()/-]{6,}$", examples=["0351 000000"])
    """Telefonnummer der Ansprechstelle."""
    owner: LocalBody | None = Field(default=None)
    """Rechtsträger der Ausländerbehörde, wenn es nicht die Projektkommune ist (z. B. der Landkreis, wenn eine Große Kreisstadt das Projekt startet), optional."""


class AdviceService(_Section):
    """The independent advice service (Beratungsstelle) that runs the project."""

    organisation: str = Field(min_length=2, examples=["Flüchtlingsrat Musterland e.V."])
    """Name des Trägers der Beratungsstelle."""
    legal_form: str = Field(examples=["eingetragener Verein"])
    """Rechtsform, z. B. „eingetragener Verein“ oder „gemeinnützige GmbH“."""
    address: Address
    """Postanschrift der Beratungsstelle."""
    project_name: str = Field(min_length=2, examples=["Perspektive Bleiberecht Musterstadt"])
    """Name des örtlichen Projekts."""
    contact_role: str = Field(min_length=2, examples=["Projektkoordination"])
    """Funktion (keine Person), die Ansprechstelle für Behörde und Fördergeber ist."""
    email: str = Field(pattern=EMAIL_PATTERN, examples=["bleiberecht@example.org"])
    """Funktionspostfach des Projekts."""
    phone: str = Field(pattern=r"^\+?[0-9 ()/-]{6,}$", examples=["0351 111111"])
    """Telefonnummer des Projekts."""
    staff_fte: float = Field(gt=0, le=50, examples=[2.0])
    """Beratungspersonal in Vollzeitäquivalenten."""
    advice_languages: list[str] = Field(min_length=1, examples=[["Deutsch", "Englisch"]])
    """Sprachen, in denen beraten wird (durch Mitarbeitende oder mit Sprachmittlung), als deutsche Namen."""
    qualified_legal_advice: bool | None = Field(default=None, examples=[True])
    """Ob die Beratungsstelle selbst Rechtsberatung im Einzelfall durch oder unter Anleitung einer nach § 6 Abs. 2 RDG befähigten Person erbringt (true/false); frühere Angabe, die weiter gilt: true entspricht legal_service_basis „befugte Person“, false entspricht „keine“. Ohne Angabe aus legal_service_basis abgeleitet."""
    started: dt.date | None = Field(default=None, examples=["2027-03-01"])
    """Beginn der Beratung, optional."""
    data_protection: DataProtectionRegime | None = Field(default=None, examples=["evangelisch"])
    """Datenschutzrecht des Trägers: öffentlich (DSGVO, BDSG und Landesdatenschutzgesetz), privat (DSGVO und BDSG), evangelisch (DSG-EKD) oder katholisch (KDG); ohne Angabe aus Rechtsform und Name abgeleitet, `replicate check` nennt das Ergebnis."""
    data_protection_supervisor: str | None = Field(
        default=None, examples=["Der Beauftragte für den Datenschutz der EKD, Außenstelle Ost"]
    )
    """Zuständige Datenschutzaufsicht des Trägers (bei kirchlichen Trägern die kirchliche Aufsicht), optional; ohne Angabe nennt das Kit die Aufsicht aus den Landesdaten oder verweist auf die Checkliste."""
    retention_years: int = Field(default=3, ge=1, le=10, examples=[3])
    """Löschfrist der Beratungsakten in Jahren nach dem Ende des Jahres des letzten Beratungskontakts (Voreinstellung 3, angelehnt an die regelmäßige Verjährung nach §§ 195, 199 Abs. 1 BGB); gilt für die Datenschutzunterlagen des Kits und für die Löschung im Beratungsregister."""
    legal_service_basis: LegalServiceBasis | None = Field(
        default=None, examples=["befugte Person"], json_schema_extra={"x-starter": True}
    )
    """Auf welchem Weg rechtliche Prüfungen im Einzelfall (Rechtsdienstleistungen nach § 2 Abs. 1 RDG, auch die Einstufung eines Falls nach dem Prüfschema) erlaubt sind: „befugte Person“ (die Beratungsstelle berät unentgeltlich durch oder unter Anleitung einer Person mit Befähigung zum Richteramt oder einer Rechtsanwältin bzw. eines Rechtsanwalts, § 6 Abs. 2 RDG), „Wohlfahrtsverband“ (der Träger ist ein Verband der freien Wohlfahrtspflege nach § 5 SGB XII, § 8 Abs. 1 Nr. 5 RDG; Anleitung durch eine solche Person nach § 8 Abs. 2 mit § 7 Abs. 2 RDG), „Kanzlei“ (eine benannte Rechtsanwaltskanzlei übernimmt die rechtliche Prüfung im Einzelfall, siehe legal_partner) oder „keine“ (die Beratungsstelle informiert nur allgemein und stuft keine Fälle ein). Ohne Angabe aus qualified_legal_advice abgeleitet; `replicate check` nennt das Ergebnis."""
    legal_partner: str | None = Field(default=None, examples=["Kanzlei Muster & Partner, Musterstadt"])
    """Name der Rechtsanwaltskanzlei, die die rechtliche Prüfung im Einzelfall übernimmt; Pflicht bei legal_service_basis „Kanzlei“, sonst optional (z. B. die Kanzlei, an die die Beratungsstelle verweist)."""

    @model_validator(mode="after")
    def _legal_service_consistent(self) -> AdviceService:
        from replicate.settings.legal_service import check_legal_service

        check_legal_service(self.legal_service_basis, self.qualified_legal_advice, self.legal_partner)
        return self


class Period(_Section):
    """A period of time with start and end date."""

    start: dt.date = Field(examples=["2027-01-01"])
    """Erster Tag des Zeitraums."""
    end: dt.date = Field(examples=["2028-12-31"])
    """Letzter Tag des Zeitraums."""

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
    """Kennung der Kennzahl aus dem Katalog (siehe `replicate schema`), z. B. beratene_personen, titel_erteilt."""
    target: float | None = Field(default=None, ge=0, examples=[150])
    """Zielwert für den ganzen Förderzeitraum, optional."""

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
    """Name des Fördergebers."""
    programme: str = Field(min_length=2, examples=["Regionales Handlungsbudget"])
    """Förderprogramm oder Haushaltsstelle."""
    period: Period
    """Förderzeitraum."""
    amount_eur: float | None = Field(default=None, gt=0, examples=[180000])
    """Fördersumme insgesamt in Euro, optional."""
    reporting_cadence: Cadence = Field(examples=["halbjährlich"])
    """Wie oft der Fördergeber einen Bericht erwartet: monatlich, vierteljährlich, halbjährlich oder jährlich."""
    indicators: list[IndicatorTarget] = Field(min_length=1)
    """Kennzahlen, die der Fördergeber verlangt, jeweils mit optionalem Zielwert."""
    programme_key: str | None = Field(default=None, examples=["sn-fachkraefterichtlinie"])
    """Förderprogramm aus dem Katalog von replicate, optional: sn-fachkraefterichtlinie oder sn-frl-integrative-massnahmen; bestimmt Berichtsarten und Fristen. Ohne Angabe gelten Berichtsrhythmus und Zielwerte dieser Datei."""
    min_count: int = Field(default=5, ge=3, examples=[5])
    """Mindestfallzahl im Bericht: kleinere Zahlen werden mit „.“ gesperrt (Standard 5, mindestens 3)."""

    @field_validator("programme_key")
    @classmethod
    def _known_programme(cls, value: str | None) -> str | None:
        from replicate.funders import PROGRAMMES

        if value is not None and value not in PROGRAMMES:
            raise ValueError(f"unbekanntes Förderprogramm „{value}“. Bekannt sind: {', '.join(PROGRAMMES)}")
        return value

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
    """Bodies at Land level that the cooperation involves; each overrides the Land data of replicate."""

    hardship_commission: str | None = Field(default=None, examples=["Sächsische Härtefallkommission"])
    """Name der Härtefallkommission des Landes (§ 23a AufenthG), optional; ohne Angabe aus den Landesdaten."""
    removal_authority: str | None = Field(default=None, examples=["Zentrale Ausländerbehörde"])
    """Zentrale Landesbehörde für Rückführungen, optional; ohne Angabe aus den Landesdaten."""
    interior_ministry: str | None = Field(default=None, examples=["Sächsisches Staatsministerium des Innern"])
    """Oberste Landesbehörde, die den Aufenthalt im Härtefall anordnet (§ 23a Abs. 1 AufenthG), optional; ohne Angabe aus den Landesdaten."""


class Cooperation(_Section):
    """How the authority and the advice service work together."""

    meeting_cadence: Cadence = Field(examples=["monatlich"])
    """Wie oft sich die Kooperationspartner austauschen: monatlich, vierteljährlich, halbjährlich oder jährlich."""
    referral_route: str = Field(
        min_length=5, examples=["Die Ausländerbehörde übergibt den Informationsbrief"]
    )
    """Wie Ratsuchende zur Beratungsstelle finden (z. B. Brief der Behörde, Hinweis bei der Vorsprache)."""
    target_group_contact: Contacter = Field(examples=["Ausländerbehörde"])
    """Wer die Zielgruppe anschreibt: Ausländerbehörde, Beratungsstelle oder gemeinsam."""
    escalation_contact: str = Field(min_length=2, examples=["Amtsleitung Bürgeramt"])
    """Funktion, an die sich die Partner wenden, wenn ein Fall auf Arbeitsebene nicht lösbar ist."""
    response_days: int = Field(default=10, ge=1, le=60, examples=[10])
    """Arbeitstage, innerhalb derer beide Seiten eine Fallanfrage beantworten."""
    policy_anchor: str | None = Field(default=None, examples=["Integrationskonzept der Stadt Musterstadt"])
    """Kommunales Konzept, in dem das Projekt verankert ist, optional (z. B. ein Aktionsplan Integration)."""
    integration_office: str | None = Field(default=None, examples=["Integrationsbeauftragte der Stadt"])
    """Kommunale Integrationsstelle, die die Vereinbarung mitzeichnet, optional."""
    land_bodies: LandBodies = Field(default_factory=LandBodies)
    """Stellen auf Landesebene; ohne Angabe gelten die Landesdaten von replicate (siehe Checkliste)."""
    legal_nature: LegalNature = Field(default="ohne Rechtsbindung", examples=["ohne Rechtsbindung"])
    """Rechtsnatur der Vereinbarung: „ohne Rechtsbindung“ (Kooperationsvereinbarung, die keine einklagbaren Pflichten begründet, wie im Dresdner Modell; Voreinstellung) oder „öffentlich-rechtlicher Vertrag“ (§ 54 VwVfG oder das Verwaltungsverfahrensgesetz des Landes: Schriftform nach § 57, Nichtigkeit nach § 59, Anpassung und Kündigung nach § 60 VwVfG)."""


class KitOptions(_Section):
    """Options for the generated kit."""

    reference_date: dt.date = Field(default_factory=dt.date.today, examples=["2026-11-25"])
    """Stand der Rechtslage, den das Kit beschreibt (JJJJ-MM-TT); ohne Angabe das heutige Datum."""
    formats: list[Format] = Field(default=["html", "docx", "odt", "pdf"], min_length=1)
    """Ausgabeformate jedes Dokuments: html, docx, odt, pdf."""
    client_languages: list[ClientLanguage] = Field(default=["de", "en", "ar", "fa", "ru", "uk"], min_length=1)
    """Sprachen der Formulare und Briefe für Ratsuchende (ISO-639-Kürzel, z. B. „ka“ für Georgisch); Deutsch ist immer dabei; ohne Übersetzung steht der deutsche Text, markiert mit [DE]."""
    logo: Path | None = Field(default=None, examples=["logo.png"])
    """Logo (PNG, JPG oder SVG) für den Kopf der Dokumente, relativ zur Einstellungsdatei, optional."""
    reference_docx: Path | None = Field(default=None, examples=["vorlage.docx"])
    """Word-Dokument, dessen Formatvorlagen (Corporate Design) die DOCX-Fassungen übernehmen, optional."""

    @field_validator("client_languages")
    @classmethod
    def _with_german(cls, value: list[str]) -> list[str]:
        ordered = ["de", *[code for code in dict.fromkeys(value) if code != "de"]]
        return ordered

    @field_validator("formats")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))
