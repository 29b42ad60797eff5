"""The places data as a Jinja include for the Copier template (``template/includes/places_data.jinja``).

Plain Copier cannot import replicate, so the template reads this generated copy of the data; a test
proves that the committed include equals :func:`jinja_source`, so the YAML files stay the one source.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from replicate.languages import german_names, is_rtl
from replicate.places.derive import CHURCH_WORDS, PUBLIC_WORDS
from replicate.places.load import kinds, kinds_in, laender, regimes
from replicate.places.model import Fact

INCLUDE = "includes/places_data.jinja"


def _fact(fact: Fact | None) -> dict[str, Any]:
    if fact is None:
        return {"value": "", "short": "", "checked": False, "source": ""}
    return {"value": fact.value, "short": fact.short, "checked": fact.checked, "source": fact.source}


def _land(name: str) -> dict[str, Any]:
    land = next(item for item in laender() if item.name == name)
    table: dict[str, Any] = {
        "name": land.name,
        "official": land.official,
        "genitive": land.genitive,
        "checked": land.checked.isoformat(),
        "councils": land.councils,
        "representatives": land.representatives,
        "kinds": kinds_in(land),
        "labels": land.labels,
        "notes": land.notes,
    }
    table.update({key: _fact(value) for key, value in land.facts().items()})
    table["dp_supervisor_private"] = _fact(land.dp_supervisor_private)
    return table


def tables() -> dict[str, Any]:
    """Every table the template reads, as plain JSON-compatible values."""
    aliases = {}
    for land in laender():
        for alias in (land.name, land.official, *land.aliases):
            aliases[alias.casefold()] = land.name
    return {
        "LAENDER": {land.name: _land(land.name) for land in laender()},
        "LAND_ALIASES": dict(sorted(aliases.items())),
        "KINDS": {key: kind.model_dump() for key, kind in kinds().items()},
        "REGIMES": {key: regime.model_dump() for key, regime in regimes().items()},
        "CHURCH_WORDS": {key: list(words) for key, words in CHURCH_WORDS.items()},
        "PUBLIC_WORDS": list(PUBLIC_WORDS),
        "LANGUAGE_NAMES": german_names(),
        "RTL_LANGUAGES": [code for code in german_names() if is_rtl(code)],
        "CATALOG_LANGUAGES": ["de", *_builtin_catalogs()],
    }


def _builtin_catalogs() -> list[str]:
    """Languages with a built-in form catalog (a folder in ``REPLICATE_FORMS_LOCALES`` may add more)."""
    from importlib import resources

    from replicate.forms.catalog import languages

    return languages(Path(str(resources.files("replicate.forms").joinpath("locales"))))


def jinja_source() -> str:
    """The text of ``template/includes/places_data.jinja``."""
    lines = [
        "{#- Generated from src/replicate/places/data/*.yaml and CLDR (Babel) by "
        "replicate.places.jinja.jinja_source(); do not edit. -#}"
    ]
    for name, value in tables().items():
        body = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False)
        lines.append(f"{{%- set {name} = {body} -%}}")
    return "\n".join(lines) + "\n"
