"""Settings for launching the project: fixed dates of the launch plan and the financing plan.

The dates are anchors: every step of the launch playbook (``playbooks/launch.yaml``) gets its date by
counting back or forward from one of them. The financing plan is checked against the funding period
(sums add up, the funding rate stays within the programme's maximum) by :func:`financing_problems`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from replicate.settings.root import Settings

ProgrammeKind = Literal["fachkraefteallianz", "integrative_massnahmen", "kommunal", "sonstiges"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=True)


class Launch(_Section):
    """Fixed dates from which the launch plan is computed (all optional)."""

    planned_start: dt.date | None = Field(default=None, examples=["2027-03-01"])
    """Geplanter Beginn der Beratung (JJJJ-MM-TT), optional; ohne Angabe gilt der Beginn des Förderzeitraums."""
    committee_meeting: dt.date | None = Field(default=None, examples=["2026-12-03"])
    """Sitzung des vorberatenden Ausschusses, der die Beschlussvorlage berät (JJJJ-MM-TT), optional."""
    council_meeting: dt.date | None = Field(default=None, examples=["2026-12-17"])
    """Sitzung des Stadtrats, Kreistags oder Gemeinderats, die über das Projekt beschließt (JJJJ-MM-TT), optional."""
    funding_deadline: dt.date | None = Field(default=None, examples=["2026-09-30"])
    """Frist für den Förderantrag beim Fördergeber (JJJJ-MM-TT), optional; ohne Angabe wird die letzte bekannte Frist aus den Playbook-Daten genannt."""
    funding_deadline_source: str | None = Field(
        default=None, examples=["Aufruf der Fachkräfteallianz vom 01.07.2026"]
    )
    """Woher die Antragsfrist stammt (Aufruf, Schreiben, Internetseite mit Datum), optional."""
    budget_year: int | None = Field(default=None, ge=2020, le=2100, examples=[2027])
    """Haushaltsjahr, in dem die Kommune ihren Anteil erstmals im Haushalt veranschlagt, optional."""
    lead_office: str | None = Field(default=None, examples=["Amt für Migration und Integration"])
    """Federführendes Amt der Kommune für die Beschlussvorlage, optional; ohne Angabe das Amt der Ausländerbehörde."""
    done: list[str] = Field(default=[], examples=[["Bedarfsanalyse", "Partner"]])
    """Phasen des Startplans, die schon abgeschlossen sind, mit ihrem Namen aus dem Startplan (z. B. „Bedarfsanalyse“, „Beschluss“)."""


class StaffPosition(_Section):
    """One position of the staff plan."""

    role: str = Field(min_length=2, examples=["Beratung zum Bleiberecht"])
    """Aufgabe der Stelle, z. B. „Beratung zum Bleiberecht“ oder „Projektkoordination“."""
    pay_grade: str = Field(min_length=2, examples=["TVöD SuE S 12"])
    """Entgeltgruppe, z. B. „TVöD SuE S 12“, „TV-L E 11“ oder „AVR DD K 9“."""
    fte: float = Field(gt=0, le=10, examples=[1.0])
    """Stellenumfang in Vollzeitäquivalenten (1.0 = Vollzeit)."""
    annual_cost_eur: float = Field(gt=0, examples=[72000])
    """Personalkosten des Arbeitgebers je Jahr für diesen Stellenumfang in Euro (Brutto mit Arbeitgeberanteilen)."""


class CostItem(_Section):
    """One line of material costs."""

    label: str = Field(min_length=2, examples=["Sprachmittlung"])
    """Kostenart, z. B. „Sprachmittlung“, „Miete und Büro“, „Fahrtkosten“."""
    annual_eur: float = Field(ge=0, examples=[6000])
    """Kosten je Jahr in Euro."""


class Financing(_Section):
    """The financing plan: costs, own share, grant and the municipality's co-financing (all optional)."""

    programme_kind: ProgrammeKind | None = Field(default=None, examples=["fachkraefteallianz"])
    """Art der Förderung: fachkraefteallianz (Regionalbudget nach der Fachkräfterichtlinie), integrative_massnahmen (FRL Integrative Maßnahmen), kommunal (Zuwendung aus dem Haushalt der Kommune) oder sonstiges."""
    staff: list[StaffPosition] = Field(
        default=[],
        examples=[
            [
                {
                    "role": "Beratung zum Bleiberecht",
                    "pay_grade": "TVöD SuE S 12",
                    "fte": 1.0,
                    "annual_cost_eur": 72000,
                }
            ]
        ],
    )
    """Stellenplan: je Stelle Aufgabe, Entgeltgruppe, Stellenumfang und Personalkosten je Jahr."""
    material_costs: list[CostItem] = Field(
        default=[], examples=[[{"label": "Sprachmittlung", "annual_eur": 8000}]]
    )
    """Sachkosten je Jahr (z. B. Sprachmittlung, Miete, Fahrtkosten, Öffentlichkeitsarbeit)."""
    grant_eur: float | None = Field(default=None, ge=0, examples=[144000])
    """Beantragte oder bewilligte Zuwendung für den ganzen Förderzeitraum in Euro, optional."""
    own_share_eur: float | None = Field(default=None, ge=0, examples=[16000])
    """Eigenmittel des Trägers der Beratungsstelle für den ganzen Förderzeitraum in Euro, optional (0 = keine)."""
    municipal_share_eur: float | None = Field(default=None, ge=0, examples=[0])
    """Kofinanzierung der Kommune aus ihrem Haushalt für den ganzen Förderzeitraum in Euro, optional (0 = keine)."""
    funding_rate_percent: float | None = Field(default=None, gt=0, le=100, examples=[90])
    """Fördersatz laut Antrag oder Bescheid in Prozent, optional; er muss zur Zuwendung und den Gesamtkosten passen."""
    budget_line: str | None = Field(
        default=None, examples=["Produkt 1.2.2.0 Integration, Sachkonto 43180000"]
    )
    """Haushaltsstelle (Produkt, Sachkonto) für den Anteil der Kommune, optional."""


def launch_problems(settings: Settings) -> list[str]:
    """Errors of the launch and financing sections that need other sections (empty when all is well)."""
    from replicate.launch.schedule import unknown_done_phases

    problems = financing_problems(settings)
    for name in unknown_done_phases(settings):
        from replicate.launch.playbook import default_playbook

        known = ", ".join(f"„{phase.title}“" for phase in default_playbook().phases)
        problems.append(f"launch.done: „{name}“ ist keine Phase des Startplans. → Erlaubt sind: {known}.")
    return problems


def financing_problems(settings: Settings) -> list[str]:
    """What is wrong with the financing plan (empty when it adds up or when the grant is not given yet)."""
    from replicate.launch.finance import plan_for  # the calculation lives with the launch documents

    plan = plan_for(settings)
    problems: list[str] = []
    if plan.grant is None or plan.total <= 0:  # nothing to check until grant and costs are both given
        return problems
    if abs(plan.income - plan.total) > 1:
        problems.append(
            f"financing: die Finanzierung ({_eur(plan.income)}: Zuwendung {_eur(plan.grant)} + Eigenmittel "
            f"{_eur(plan.own or 0)} + Kofinanzierung der Kommune {_eur(plan.municipal or 0)}) deckt nicht die "
            f"Gesamtkosten ({_eur(plan.total)}) im Förderzeitraum. → Passen Sie grant_eur, own_share_eur "
            "oder municipal_share_eur an, so dass die Summe den Gesamtkosten entspricht."
        )
    declared = settings.financing.funding_rate_percent
    if declared is not None and plan.rate is not None and abs(declared - plan.rate) > 0.1:
        problems.append(
            f"financing.funding_rate_percent: angegeben sind {_pct(declared)}, Zuwendung und Gesamtkosten "
            f"ergeben {_pct(plan.rate)}. → Korrigieren Sie den Fördersatz oder die Beträge."
        )
    maximum = plan.programme.max_rate_percent if plan.programme else None
    programme_name = plan.programme.short if plan.programme else ""
    programme_source = plan.programme.rate_source if plan.programme else ""
    if maximum is not None and plan.rate is not None and plan.rate > maximum + 0.05:
        problems.append(
            f"financing.grant_eur: der Fördersatz {_pct(plan.rate)} liegt über dem Höchstsatz von "
            f"{maximum:g} % für {programme_name} ({programme_source}). "
            "→ Senken Sie die Zuwendung und erhöhen Sie Eigenmittel oder Kofinanzierung."
        )
    return problems


def _pct(value: float) -> str:
    from replicate.numbers import percent

    return percent(value)


def _eur(value: float) -> str:
    from replicate.launch.finance import euro

    return euro(value)
