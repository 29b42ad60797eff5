"""The root settings object: the sections of one settings file plus ``REPLICATE_*`` overrides."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from replicate.rules.local import LocalAdjustments
from replicate.settings.assumptions import Assumptions
from replicate.settings.launch import Financing, Launch, launch_problems
from replicate.settings.model import (
    AdviceService,
    Authority,
    Cooperation,
    Funder,
    KitOptions,
    Municipality,
)
from replicate.settings.profile import Profile


class Settings(BaseSettings):
    """Everything replicate needs to know about one local project."""

    model_config = SettingsConfigDict(
        env_prefix="REPLICATE_",
        env_nested_delimiter="__",
        extra="forbid",
        use_attribute_docstrings=True,
    )

    municipality: Municipality
    """Die Kommune, die das Projekt startet."""
    authority: Authority
    """Die örtliche Ausländerbehörde."""
    advice_service: AdviceService
    """Die unabhängige Beratungsstelle, die das Projekt durchführt."""
    funder: Funder
    """Der Fördergeber und was er erwartet."""
    cooperation: Cooperation
    """Wie Ausländerbehörde und Beratungsstelle zusammenarbeiten."""
    kit: KitOptions = KitOptions()
    """Optionen des Kits (Stand der Rechtslage, Formate, Sprachen, Corporate Design)."""
    local_rules: LocalAdjustments = LocalAdjustments()
    """Örtliche Ergänzungen der Prüfregeln: Hinweise, Nachweise und dokumentierte Praxis je Bedingung; Parameter nur, wo das Gesetz Spielraum lässt (mit Begründung)."""
    launch: Launch = Launch()
    """Feste Daten des Startplans (Beratungsbeginn, Sitzungen, Antragsfrist, Haushaltsjahr); alle optional."""
    financing: Financing = Financing()
    """Finanzierungsplan: Stellen, Sachkosten, Zuwendung, Eigenmittel, Kofinanzierung der Kommune; alle optional."""

    @model_validator(mode="after")
    def _launch_and_financing_consistent(self) -> Settings:
        problems = launch_problems(self)
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @model_validator(mode="after")
    def _owner_kind_exists_in_land(self) -> Settings:
        owner = self.authority.owner
        if owner is None:
            if self.municipality.kind == "Bezirk":
                from replicate.places.load import find_land

                land = find_land(self.municipality.state)
                raise ValueError(
                    "authority.owner fehlt: Ein Bezirk hat keine eigene Rechtspersönlichkeit und ist nicht "
                    "Rechtsträger der Ausländerbehörde. Tragen Sie das Land als Rechtsträger ein: "
                    f"authority.owner mit name „{land.official if land else self.municipality.state}“ und "
                    "kind „Stadtstaat“"
                )
            return self
        if owner.kind == "Bezirk":
            raise ValueError(
                "authority.owner.kind: Ein Bezirk hat keine eigene Rechtspersönlichkeit und kann nicht "
                "Rechtsträger der Ausländerbehörde sein; Rechtsträger ist das Land (kind „Stadtstaat“)"
            )
        from replicate.places.load import city_state_name_problem, kind_problem

        state = self.municipality.state
        problem = kind_problem(owner.kind, state) or city_state_name_problem(owner.kind, owner.name, state)
        if problem:
            raise ValueError(f"authority.owner.kind: {problem}")
        return self

    profile: Profile = Profile()
    """Angaben für das Praxisprofil (eine Seite für Preisjurys und Kataloge): Ergebnisse mit Stichtag und Quelle, Kosten, Erfahrungen, Kurzbeschreibung."""
    assumptions: Assumptions = Assumptions()
    """Angaben, die angenommen und noch nicht vereinbart sind (z. B. der Turnus der Treffen): die Dokumente kennzeichnen sie, die Checkliste führt sie als offene Punkte."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment variables override the file; no .env or secrets directories are read.
        return (env_settings, init_settings)

    def notes(self) -> list[str]:
        """Plain-language remarks that are not errors but that the user should know about."""
        result: list[str] = []
        ref = self.kit.reference_date
        period = self.funder.period
        if not period.start <= ref <= period.end:
            result.append(
                f"Der Stichtag der Rechtslage ({ref:%d.%m.%Y}) liegt außerhalb des Förderzeitraums "
                f"({period.start:%d.%m.%Y}–{period.end:%d.%m.%Y}). Die Dokumente sagen das ausdrücklich."
            )
        from replicate.places.derive import notes as places_notes

        result.extend(places_notes(self))
        from replicate.settings.legal_service import note as legal_service_note

        derived_route = legal_service_note(self.advice_service)
        if derived_route:
            result.append(derived_route)
        from replicate.launch import launch_notes

        result.extend(launch_notes(self))
        return result

    def template_data(self) -> dict[str, Any]:
        """The answers passed to the Copier template: plain JSON-compatible values.

        File paths for corporate design are rendering options, not template answers, so they are left
        out (an answers file must not depend on where the settings file lies on one machine).
        """
        from replicate.places.derive import derive_regime

        data = self.model_dump(mode="json", exclude={"kit": {"logo", "reference_docx"}})
        data["advice_service"]["data_protection"] = derive_regime(self.advice_service)[0]
        from replicate.settings.legal_service import derive_basis, own_legal_service

        service = data["advice_service"]
        service["legal_service_basis"] = derive_basis(
            self.advice_service.legal_service_basis, self.advice_service.qualified_legal_advice
        )
        service["qualified_legal_advice"] = own_legal_service(service["legal_service_basis"])
        from replicate.launch import derived_data

        data["derived"] = derived_data(self)  # computed values, not a question: not in the answers file
        return data
