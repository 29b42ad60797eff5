"""Values the templates need that are computed in Python from the settings (dates, sums, names).

Passed to Copier as the extra variable ``derived`` (not a question, so it is never written to the answers
file). Templates read it only where plain Copier without replicate can do without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replicate.launch.bodies import bodies_for
from replicate.launch.dates import add_months, report_periods
from replicate.launch.finance import plan_for

if TYPE_CHECKING:
    from replicate.settings import Settings


def derived_data(settings: Settings) -> dict[str, Any]:
    """JSON-compatible values for the templates."""
    from replicate.launch.schedule import schedule_for

    period = settings.funder.period
    plan = plan_for(settings)
    programme = plan.programme
    bodies = bodies_for(settings.municipality)
    periods = report_periods(period.start, period.end, settings.funder.reporting_cadence)
    schedule = schedule_for(settings)
    dates = {s.step.id: s.date.isoformat() for s in schedule.steps if s.date}
    proof_due = schedule.anchors["proof_of_use_due"].date
    interim = None
    if programme and programme.interim_proof_if_longer_than_months:
        months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
        if months > programme.interim_proof_if_longer_than_months:
            interim = add_months(period.start, months // 2).isoformat()
    return {
        "advice_start": schedule.anchors["planned_start"].date.isoformat()
        if schedule.anchors["planned_start"].date
        else period.start.isoformat(),
        "funding_ends_soon_from": add_months(period.end, -3).isoformat(),
        "report_periods": [{"start": a.isoformat(), "end": b.isoformat()} for a, b in periods],
        "proof_of_use_due": proof_due.isoformat() if proof_due else None,
        "interim_proof_due": interim,
        "bodies": {
            "council_name": bodies.council,
            "council_nom": bodies.council_nom,
            "Council_nom": bodies.council_nom[:1].upper() + bodies.council_nom[1:],
            "council_acc": bodies.council_acc,
            "council_dat": bodies.council_dat,
            "council_gen": bodies.council_gen,
            "in_council": bodies.in_council,
            "committee": bodies.committee,
            "head": bodies.head,
            "head_article": bodies.head_article,
            "Head_article": bodies.head_article[:1].upper() + bodies.head_article[1:],
        },
        "steps": dates,
        "deadline_source": schedule.anchors["funding_deadline"].source,
        "deadline_missing": schedule.anchors["funding_deadline"].missing,
        "programme": programme.model_dump(mode="json") if programme else None,
        "finance": {
            "years": list(plan.years),
            "months": list(plan.months),
            "staff": [_line(line) for line in plan.staff],
            "material": [_line(line) for line in plan.material],
            "staff_total": plan.staff_total,
            "material_total": plan.material_total,
            "year_totals": list(plan.year_totals()),
            "total": plan.total,
            "grant": plan.grant,
            "own": plan.own,
            "municipal": plan.municipal,
            "income": plan.income,
            "rate": plan.rate,
            "fte": round(sum(p.fte for p in settings.financing.staff), 2),
        },
    }


def _line(line: Any) -> dict[str, Any]:
    return {"label": line.label, "detail": line.detail, "per_year": list(line.per_year), "total": line.total}
