"""The date up to which the rules data were checked against the statute (``rules/data/rechtsstand.yaml``).

The Copier template must work with plain Copier, which cannot read this package, so the date reaches the
templates through a generated include (``template/includes/law.jinja``); a test proves that the committed
include equals :func:`jinja_source`, so the date has one source.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError

from replicate.errors import Problem, RulesError
from replicate.problems import RULE_FILE, problems_from
from replicate.rules.loader import DATA_DIR, read_yaml

LAW_FILE = DATA_DIR / "rechtsstand.yaml"


class LawStatus(BaseModel):
    """How current the rules data are."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    law_checked_until: date
    """Changes of the law published after this day are not reflected in the rules data."""
    month_label: str
    """The month of that day in words, as documents name it (``Juli 2026``)."""
    source: str
    """The statute text the rules were checked against."""

    @property
    def checked_until(self) -> date:
        return self.law_checked_until


@cache
def law_status() -> LawStatus:
    """Read ``rechtsstand.yaml``."""
    data, lines = read_yaml(LAW_FILE)
    try:
        return LawStatus.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(p.message, p.location, lines.line(loc, skip=RULE_FILE.skip), p.hint)
            for loc, p in problems_from(exc, LawStatus, "yaml", RULE_FILE)
        ]
        raise RulesError(LAW_FILE, problems) from None


def jinja_source() -> str:
    """The include ``template/includes/law.jinja`` generated from the rules data."""
    law = law_status()
    return (
        "{#- Generated from src/replicate/rules/data/rechtsstand.yaml by replicate.rules.law.jinja_source();"
        " do not edit. -#}\n"
        f'{{%- set checked_until = "{law.law_checked_until.isoformat()}" -%}}\n'
        f'{{%- set checked_month = "{law.month_label}" -%}}\n'
    )
