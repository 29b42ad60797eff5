"""Values from ``REPLICATE_*`` environment variables: which variable set which key, and their errors."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from replicate.errors import Problem
from replicate.settings.limits import check_text
from replicate.settings.root import Settings

PREFIX = "REPLICATE_"
NESTED = "__"


def overrides(environ: Mapping[str, str] | None = None) -> dict[tuple[str, ...], str]:
    """Key path → name of the variable that sets it (pydantic-settings reads names case-insensitively).

    Only variables that name a settings section count; others such as ``REPLICATE_DEBUG`` switch the
    program's behaviour and are no settings.
    """
    env = os.environ if environ is None else environ
    found = {}
    for name in sorted(env):
        if not name.upper().startswith(PREFIX):
            continue
        path = tuple(name[len(PREFIX) :].lower().split(NESTED))
        if path[0] in Settings.model_fields:
            found[path] = name
    return found


def variable_for(loc: Sequence[Any], env: Mapping[tuple[str, ...], str]) -> str | None:
    """The variable that supplied the value at ``loc`` (or a whole section containing it), if any."""
    path = tuple(str(p) for p in loc)
    for key, name in env.items():
        if path[: len(key)] == key:
            return name
    return None


def value_problems(environ: Mapping[str, str] | None = None) -> list[Problem]:
    """Control characters and over-long values in the variables (the same limits as in the file)."""
    env = os.environ if environ is None else environ
    problems = []
    for name in overrides(env).values():
        problem = check_text(env[name], "")
        if problem is not None:
            problems.append(Problem(problem.message, f"Umgebungsvariable {name}", hint=problem.hint))
    return problems


def unreadable(message: str, environ: Mapping[str, str] | None = None) -> list[Problem]:
    """Problems for pydantic-settings' "error parsing value for field …" (a section or list not in JSON)."""
    found = re.search(r'field "([^"]+)"', message)
    section = found.group(1).lower() if found else ""
    names = [name for key, name in overrides(environ).items() if not section or key[0] == section]
    hint = (
        "Ein ganzer Abschnitt oder eine Liste wird als JSON geschrieben, z. B. "
        'REPLICATE_KIT__FORMATS=\'["html", "pdf"]\'; einzelne Werte direkt, z. B. '
        "REPLICATE_KIT__REFERENCE_DATE=2026-12-31."
    )
    return [
        Problem("der Wert ist nicht lesbar", f"Umgebungsvariable {name}", hint=hint)
        for name in names or [f"{PREFIX}{section.upper()}"]
    ]
