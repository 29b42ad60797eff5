"""The financing plan: costs per calendar year of the funding period, income, funding rate.

Yearly amounts from the settings are spread over the funding period month by month (a year with eight
months of funding carries 8/12 of the yearly costs), rounded to cents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from replicate.launch.dates import months_between
from replicate.launch.programmes import Programme, programmes
from replicate.numbers import euro_cents

if TYPE_CHECKING:
    from replicate.settings import Settings


@dataclass(frozen=True)
class Line:
    """One line of the plan: label, pay grade and FTE (staff only), amount per year and in total."""

    label: str
    detail: str
    per_year: tuple[float, ...]
    total: float


@dataclass
class FinancePlan:
    """The computed plan; ``grant`` is None until the settings give it."""

    years: tuple[int, ...]
    months: tuple[int, ...]
    staff: list[Line] = field(default_factory=list)
    material: list[Line] = field(default_factory=list)
    grant: float | None = None
    own: float | None = None
    municipal: float | None = None
    programme: Programme | None = None

    @property
    def staff_total(self) -> float:
        return round(sum(line.total for line in self.staff), 2)

    @property
    def material_total(self) -> float:
        return round(sum(line.total for line in self.material), 2)

    @property
    def total(self) -> float:
        return round(self.staff_total + self.material_total, 2)

    @property
    def income(self) -> float:
        return round((self.grant or 0) + (self.own or 0) + (self.municipal or 0), 2)

    @property
    def rate(self) -> float | None:
        """Funding rate in percent of the total costs, when grant and costs are known."""
        if self.grant is None or self.total <= 0:
            return None
        return round(self.grant / self.total * 100, 2)

    def year_totals(self) -> tuple[float, ...]:
        lines = [*self.staff, *self.material]
        return tuple(round(sum(line.per_year[i] for line in lines), 2) for i in range(len(self.years)))


def euro(value: float) -> str:
    """An amount in German notation with cents: 228.000,00 €."""
    return euro_cents(value)


def _months_per_year(start: dt.date, end: dt.date) -> tuple[tuple[int, ...], tuple[int, ...]]:
    years = tuple(range(start.year, end.year + 1))
    months = tuple(months_between(max(start, dt.date(y, 1, 1)), min(end, dt.date(y, 12, 31))) for y in years)
    return years, months


def _spread(annual: float, months: tuple[int, ...]) -> tuple[tuple[float, ...], float]:
    per_year = tuple(round(annual * m / 12, 2) for m in months)
    return per_year, round(sum(per_year), 2)


def plan_for(settings: Settings) -> FinancePlan:
    """The financing plan of ``settings`` over the funding period."""
    fin = settings.financing
    period = settings.funder.period
    years, months = _months_per_year(period.start, period.end)
    plan = FinancePlan(
        years=years,
        months=months,
        grant=fin.grant_eur if fin.grant_eur is not None else settings.funder.amount_eur,
        own=fin.own_share_eur,
        municipal=fin.municipal_share_eur,
        programme=programmes().get(fin.programme_kind) if fin.programme_kind else None,
    )
    for position in fin.staff:
        per_year, total = _spread(position.annual_cost_eur, months)
        detail = f"{position.pay_grade}, {f'{position.fte:g}'.replace('.', ',')} VZÄ"
        plan.staff.append(Line(position.role, detail, per_year, total))
    for item in fin.material_costs:
        per_year, total = _spread(item.annual_eur, months)
        plan.material.append(Line(item.label, "", per_year, total))
    return plan
