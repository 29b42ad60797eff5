"""Typed shapes of the places data: a sourced fact, a Land, a municipality kind, a data-protection regime."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

Status = Literal["geprüft", "zu prüfen"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(_Data):
    """One statement about a Land with its source; only a checked fact is printed as fact."""

    value: str
    """The name or reference ("" when there is none, e.g. no central removal authority)."""
    short: str = ""
    """Abbreviation of a law (e.g. SächsDSDG), where it has one."""
    source: str
    """Where the value comes from."""
    status: Status
    """"geprüft" (checked against the law text or the body's own publication) or "zu prüfen"."""

    @property
    def checked(self) -> bool:
        return self.status == "geprüft" and bool(self.value)


class Land(_Data):
    """Bodies and laws of one Land."""

    name: str
    code: str
    official: str
    genitive: str
    aliases: list[str]
    checked: dt.date
    hardship_commission: Fact
    hardship_regulation: Fact
    hardship_submission: Fact
    interior_ministry: Fact
    removal_authority: Fact
    dp_supervisor: Fact
    dp_supervisor_private: Fact | None = None
    dp_act: Fact
    school_law: Fact
    municipal_code: Fact
    district_code: Fact
    municipal_representation: Fact
    district_representation: Fact
    municipal_binding: Fact
    district_binding: Fact
    procedure_act: Fact
    """Verwaltungsverfahrensgesetz for a public-law contract of the authority (§§ 54 ff. VwVfG or the Land's act)."""
    councils: dict[str, str] = {}
    """Names of the council per municipality kind where the Land's code differs from the default."""
    representatives: dict[str, str] = {}
    """The representing office or organ per municipality kind where the Land's code differs from the default
    (Hessen: the collegial Magistrat / Gemeindevorstand / Kreisausschuss)."""
    kinds: list[str] = []
    """The municipality kinds that exist in the Land, where it is a city-state (empty: every kind that is not a
    city-state kind). Berlin and Hamburg: the Land is the municipality (Stadtstaat) with Bezirke; Bremen: the
    Stadtgemeinde Bremen and the Stadt Bremerhaven."""
    labels: dict[str, str] = {}
    """Checklist labels for facts whose general label does not fit the Land ("Bezirksverwaltungsgesetz"
    instead of "Kreisordnung")."""
    notes: dict[str, str] = {}
    """A sentence per municipality kind printed where the kit names the body's legal standing (Berlin's Bezirke
    have no legal personality), with its source in the sentence."""

    def facts(self) -> dict[str, Fact]:
        """Every fact of the Land by key."""
        return {key: value for key, value in self if isinstance(value, Fact)}


class Kind(_Data):
    """A kind of municipality: the head noun of its name, grammar, representative and council."""

    noun: str
    """Head noun inserted when the official name lacks it ("Stadt" for "Dresden")."""
    gender: Literal["f", "m", "n"]
    """Grammatical gender of the head noun (articles and endings follow from it)."""
    genitive: str
    """The head noun in the genitive ("Landkreises", "Bezirks", "Landes", "Stadt")."""
    representative: str
    """Office of the legal representative, both forms."""
    council: str
    """The elected council (Vertretungskörperschaft)."""
    district: bool
    """Whether its local-government code is the one for districts (Kreise; in Berlin and Hamburg the law on the
    Bezirke) rather than municipalities."""
    city_state: bool = False
    """Whether the kind exists only in a city-state (Stadtstaat, Bezirk, Stadtgemeinde); such kinds are valid only
    where the Land lists them in ``kinds``."""


class Regime(_Data):
    """A data-protection regime of an advice service."""

    label: str
    """How documents name the law that governs the service's processing."""
    laws: str
    """The laws, with abbreviations, as printed in the Art. 13 notice and the records."""
    church: bool
    """Whether the regime is church law under Art. 91 DSGVO."""
    refs: dict[str, str]
    """Provisions per purpose (lawfulness, consent, special categories, information, rights, …)."""
    supervisor: str
    """Supervisory authority in general terms; the Land or the settings name the concrete body."""
    supervisor_checked: bool
    """Whether ``supervisor`` names the concrete body (false: the checklist asks for it)."""
    source: str
