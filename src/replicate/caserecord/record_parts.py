"""Parts of the case record about criminal record, security, removal, health and hardship."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from replicate.caserecord._base import Part


class Conviction(Part):
    """One criminal conviction in Germany."""

    convicted_on: date
    """Datum der Verurteilung."""
    intentional: bool = True
    """Vorsätzliche Straftat?"""
    foreigner_only: bool = False
    """Straftat, die nach AufenthG oder AsylG nur von Ausländern begangen werden kann?"""
    day_fines: int | None = Field(default=None, ge=0)
    """Geldstrafe in Tagessätzen."""
    prison_months: int | None = Field(default=None, ge=0)
    """Freiheitsstrafe in Monaten."""
    juvenile: Literal["nein", "jugendstrafe", "sonstige_sanktion"] = "nein"
    """Jugendstrafrecht: Jugendstrafe oder sonstige Sanktion (Weisung, Zuchtmittel)."""
    youth_sentence_months: int | None = Field(default=None, ge=0)
    """Jugendstrafe in Monaten."""
    probation: bool = False
    """Zur Bewährung ausgesetzt?"""
    category: Literal["allgemein", "1a", "1b", "1c", "1d"] = "allgemein"
    """Deliktsgruppe nach § 54 Abs. 1 Nr. 1a–1d (Gewalt/Sexual/Eigentum, Leistungsbetrug/BtM,
    §§ 96/97 AufenthG, mit Waffe) oder allgemein."""


class Security(Part):
    """Bars from expulsion law and security law."""

    entry_ban_p11: bool | None = None
    """Besteht ein Einreise- und Aufenthaltsverbot nach § 11?"""
    expulsion_order: bool | None = None
    """Liegt eine Ausweisungsverfügung vor?"""
    order_58a: bool | None = None
    """Liegt eine Abschiebungsanordnung nach § 58a vor?"""
    p54_abs1_nr2_or_4: bool | None = None
    """Ausweisungsinteresse nach § 54 Abs. 1 Nr. 2 oder 4 (Terrorismus, Gewalt; § 5 Abs. 4)?"""
    p54_abs1_nr3_or_5: bool | None = None
    """Ausweisungsinteresse nach § 54 Abs. 1 Nr. 3 oder 5 (verbotener Verein, Aufruf zu Hass)?"""
    extremism_links: bool | None = None
    """Bezüge zu extremistischen oder terroristischen Organisationen?"""
    pending_proceedings: bool | None = None
    """Laufende Ermittlungs- oder Strafverfahren?"""
    employment_ban_p60a6: bool | None = None
    """Erwerbstätigkeitsverbot nach § 60a Abs. 6 (z. B. sicherer Herkunftsstaat)?"""


Measure = Literal["reisefaehigkeit", "freiwillige_ausreise", "buchung", "vergleichbar", "dublin"]


class Removal(Part):
    """Departure obstacles and signs of imminent removal."""

    imminent_measures: list[Measure] | None = None
    """Konkrete Maßnahmen zur Aufenthaltsbeendigung (§ 60c Abs. 2 Nr. 5); leere Liste = keine."""
    removal_date_fixed: bool | None = None
    """Steht ein Rückführungstermin bereits konkret fest (§ 23a Abs. 1 Satz 3)?"""
    departure_impossible: bool | None = None
    """Ist die Ausreise aus rechtlichen oder tatsächlichen Gründen unmöglich (§ 25 Abs. 5)?"""
    obstacle_ends_soon: bool | None = None
    """Ist mit dem Wegfall des Ausreisehindernisses in absehbarer Zeit zu rechnen?"""
    obstacle_self_caused: bool | None = None
    """Hat die Person das Ausreisehindernis selbst zu vertreten (§ 25 Abs. 5 Satz 3–4)?"""


class Health(Part):
    """Health, disability and age-related limits."""

    illness: bool | None = None
    """Liegt eine körperliche, geistige oder seelische Krankheit vor?"""
    disability: bool | None = None
    """Liegt eine Behinderung vor?"""
    prevents_work_or_language: bool | None = None
    """Frühere Sammelangabe: Kann die Person wegen Krankheit, Behinderung oder Alter Lebensunterhalt und
    Sprache nicht erfüllen (§ 25b Abs. 3)? Neu bitte die beiden getrennten Angaben darunter verwenden."""
    prevents_livelihood: bool | None = None
    """Kann die Person wegen Krankheit, Behinderung oder Alter ihren Lebensunterhalt nicht überwiegend
    durch Arbeit sichern (§ 25b Abs. 3)?"""
    prevents_language: bool | None = None
    """Kann die Person wegen Krankheit, Behinderung oder Alter keine Deutschkenntnisse auf dem Niveau A2
    nachweisen (§ 25b Abs. 3)?"""
    prevents_school: bool | None = None
    """Kann die Person wegen Krankheit oder Behinderung den Schulbesuch nicht erfüllen (§ 25a Abs. 1)?"""
    age_limits: bool | None = None
    """Altersbedingte Einschränkungen (z. B. Regelaltersgrenze)?"""


class Hardship(Part):
    """Härtefall factors and the commission procedure (Sachsen)."""

    factors: list[str] = Field(default_factory=list)
    """Härtefallgründe (lange Aufenthaltsdauer, Integration, Krankheit, keine Bindungen ins Herkunftsland)."""
    member_support: bool | None = None
    """Ist ein Mitglied der Härtefallkommission bereit, den Fall einzubringen?"""
    data_protection_consent: bool | None = None
    """Liegt die datenschutzrechtliche Einwilligungserklärung vor?"""


class Applications(Part):
    """Applications already filed."""

    p104c_pending_since: date | None = None
    """Datum eines noch nicht beschiedenen Antrags nach § 104c a. F."""
    followup_filed_on: date | None = None
    """Datum des Antrags auf § 25a/§ 25b durch einen § 104c-Inhaber."""
