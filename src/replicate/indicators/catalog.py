"""The indicator catalog, loaded from ``catalog.yaml`` next to this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Indicator:
    """One reporting indicator a funder can require."""

    id: str
    label: str
    definition: str
    unit: str


@cache
def _load() -> dict[str, Indicator]:
    raw = yaml.safe_load((Path(__file__).parent / "catalog.yaml").read_text(encoding="utf-8"))
    return {key: Indicator(id=key, **value) for key, value in raw.items()}


INDICATORS = _load()


def indicator_ids() -> list[str]:
    """All indicator ids, in catalog order."""
    return list(INDICATORS)


def jinja_source() -> str:
    """The indicator catalog as a Jinja include for the Copier template (``template/includes/indicators.jinja``).

    The template must work with plain Copier, which cannot read this package; a test proves that the
    committed include equals this output, so the catalog has one source.
    """
    import json

    table = {
        key: {"label": i.label, "definition": i.definition, "unit": i.unit} for key, i in INDICATORS.items()
    }
    body = json.dumps(table, ensure_ascii=False, indent=2)
    return (
        "{#- Generated from src/replicate/indicators/catalog.yaml by replicate.indicators.catalog.jinja_source();"
        " do not edit. -#}\n"
        f"{{%- set INDICATORS = {body} -%}}\n"
    )
