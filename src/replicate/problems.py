"""The one translator from pydantic validation errors to plain German problems with a fix.

Used for settings files, case records, rule files and rule test cases. What differs between them is a
:class:`Wording` (how keys are called, where the full list of keys is shown, how list positions are
written); the fix is written in the input's own syntax (TOML, YAML, an environment variable).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from replicate.errors import Problem

Syntax = Literal["toml", "yaml", "env", "json"]


@dataclass(frozen=True)
class Wording:
    """How problems of one kind of input are phrased."""

    key: str = "Schlüssel"
    """What a key is called for this input (``Schlüssel`` in settings, ``Feld`` in a case record)."""
    unknown_key: str = "unbekannter Schlüssel"
    """The phrase for a key the model does not know."""
    all_keys: str = "`replicate init` zeigt eine vollständige Vorlage."
    """Where the user finds every key (appended to the hint for a missing one)."""
    brackets: bool = True
    """List positions as ``indicators[0]`` (settings) or ``jobs.0`` (case records, like CSV columns)."""
    skip: tuple[str, ...] = ()
    """Parts of the location that pydantic adds but the file does not have (union tags)."""


SETTINGS = Wording()
CASE_RECORD = Wording(
    key="Feld",
    unknown_key="unbekanntes Feld",
    all_keys="Alle Felder zeigt replicate rules schema; ein unbekannter Wert wird weggelassen, nicht geraten.",
    brackets=False,
)
RULE_FILE = Wording(
    all_keys="Siehe die anderen Regeldateien in rules/data.", brackets=False, skip=("own", "ref")
)


def _model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that holds the last element of ``loc``."""
    model: type[BaseModel] | None = root
    for part in loc[:-1]:
        if model is None or isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        annotation = field.annotation
        candidates = [annotation, *getattr(annotation, "__args__", ())]
        model = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
    return model


def _literal(value: Any, syntax: Syntax) -> str:
    """``value`` written as a value in the given syntax (text quoted, Yes/No as true/false)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v, syntax) for v in value) + "]"
    text = str(value)
    return text if syntax == "env" else json.dumps(text, ensure_ascii=False)


def assignment(loc: tuple[Any, ...], value: Any, syntax: Syntax) -> str:
    """How to write ``value`` for the key at ``loc``: ``key = "…"`` (TOML), ``key: "…"`` (YAML) or
    ``REPLICATE_SECTION__KEY=…`` (environment)."""
    names = [str(p) for p in loc if not isinstance(p, int)]
    key = names[-1] if names else ""
    if syntax == "env":
        variable = "REPLICATE_" + "__".join(n.upper() for n in names)
        written = (
            json.dumps(value, ensure_ascii=False) if isinstance(value, list) else _literal(value, syntax)
        )
        return f"{variable}={written}"
    if syntax == "yaml":
        return f"{key}: {_literal(value, syntax)}"
    if syntax == "json":
        return f'"{key}": {_literal(value, syntax)}'
    return f"{key} = {_literal(value, syntax)}"


def _example(model: type[BaseModel] | None, loc: tuple[Any, ...], syntax: Syntax) -> str:
    key = str(loc[-1]) if loc else ""
    if model is None or key not in model.model_fields:
        return ""
    examples = model.model_fields[key].examples
    if not examples:
        return ""
    return assignment(loc, examples[0], syntax)


def _german_list(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as „a“, „b“ oder „c“."""
    quoted = re.sub(r"'([^']*)'", r"„\1“", expected)
    return re.sub(r" or (?=„)", " oder ", quoted)


def _given(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


_WANTED = {
    "string_type": "ein Text",
    "list_type": "eine Liste",
    "dict_type": "ein Abschnitt mit Schlüsseln",
    "model_type": "ein Abschnitt mit Schlüsseln",
    "model_attributes_type": "ein Abschnitt mit Schlüsseln",
}


def describe(
    error: Any, root: type[BaseModel], syntax: Syntax = "toml", wording: Wording = SETTINGS
) -> tuple[str, str]:
    """(message, hint) for one pydantic error dict; examples and fixes are written in ``syntax``."""
    loc = tuple(error["loc"])
    key = str(loc[-1]) if loc else ""
    model = _model_at(root, loc)
    example = _example(model, loc, syntax)
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "case_history":
        # Checks of the case history carry their own German message and fix.
        return str(ctx.get("message", error["msg"])), str(ctx.get("hint", ""))
    if kind == "missing":
        hint = f"Tragen Sie den Wert ein, z. B. {example}." if example else "Tragen Sie den Wert ein."
        return "Pflichtangabe fehlt", f"{hint} {wording.all_keys}"
    if kind == "extra_forbidden":
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
        hint = f"Meinten Sie „{close[0]}“?" if close else f"Erlaubt sind: {', '.join(known)}."
        return f"{wording.unknown_key} „{key}“", hint if known else wording.all_keys
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            f"„{_given(given)}“ ist kein gültiges Datum",
            "Schreiben Sie das Datum als JJJJ-MM-TT und prüfen Sie Tag und Monat, z. B. 2026-12-31.",
        )
    if kind == "literal_error" or kind == "enum":
        expected = _german_list(str(ctx.get("expected", "")))
        return f"ungültiger Wert „{_given(given)}“", f"Erlaubt sind: {expected}."
    if kind == "finite_number":
        return f"„{_given(given)}“ ist keine endliche Zahl", "Geben Sie eine gewöhnliche Zahl an, z. B. 150."
    if kind in {"int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"}:
        hint = "Geben Sie eine Zahl ohne Anführungszeichen an"
        return f"„{_given(given)}“ ist keine Zahl", f"{hint}, z. B. {example}." if example else f"{hint}."
    if kind in {"bool_parsing", "bool_type"}:
        return (
            f"„{_given(given)}“ ist kein Ja/Nein-Wert",
            "Schreiben Sie ja oder nein (in JSON: true oder false)."
            if syntax == "json"
            else f"Schreiben Sie true (ja) oder false (nein): {assignment(loc, True, syntax)}.",
        )
    if kind == "string_type" and isinstance(given, bool | int | float):
        # YAML/TOML read an unquoted value as a number or Yes/No: show the quoted form.
        written = str(given).lower() if isinstance(given, bool) else str(given)
        return (
            f"falscher Typ: erwartet wird ein Text, gelesen wurde {written}",
            f"Setzen Sie den Wert in Anführungszeichen: {assignment(loc, written, syntax)}",
        )
    if kind in _WANTED:
        return f"falscher Typ: erwartet wird {_WANTED[kind]}", f"Beispiel: {example}" if example else ""
    if kind == "string_pattern_mismatch":
        return f"„{_given(given)}“ hat nicht das erwartete Format", f"Beispiel: {example}" if example else ""
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return _range(kind, given, ctx), ""
    if kind in {"too_short", "string_too_short"}:
        return "Angabe ist leer oder zu kurz", f"Beispiel: {example}" if example else ""
    if kind in {"too_long", "string_too_long"}:
        limit = ctx.get("max_length", "")
        return f"Angabe ist zu lang (höchstens {limit})", "Kürzen Sie den Wert."
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    return f"ungültiger Wert „{_given(given)}“", f"Beispiel: {example}" if example else ""


def _range(kind: str, given: Any, ctx: dict[str, Any]) -> str:
    bound = next(iter(ctx.values()), "")
    shown = f"{bound:g}" if isinstance(bound, float) else str(bound)
    if kind == "greater_than_equal" and bound == 0:
        return f"Wert {_given(given)} darf nicht negativ sein"
    if kind in ("greater_than", "greater_than_equal"):
        words = "größer als" if kind == "greater_than" else "mindestens"
        return f"Wert {_given(given)} ist zu klein ({words} {shown})"
    words = "kleiner als" if kind == "less_than" else "höchstens"
    return f"Wert {_given(given)} ist zu groß ({words} {shown})"


def location(loc: tuple[Any, ...], wording: Wording = SETTINGS) -> str:
    """``funder.indicators[0].id`` (settings) or ``employment.jobs.0.start`` (case records)."""
    parts = [p for p in loc if str(p) not in wording.skip]
    if not wording.brackets:
        return ".".join(str(p) for p in parts)
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in parts).replace(".[", "[")


def problems_from(
    err: ValidationError,
    root: type[BaseModel],
    syntax: Syntax = "toml",
    wording: Wording = SETTINGS,
    prefix: str = "",
) -> list[tuple[tuple[Any, ...], Problem]]:
    """Each error with its location tuple, translated into a :class:`Problem` (line added later).

    ``prefix`` (e.g. ``Zeile 12``) goes before the key path, for entries of a caseload.
    """
    result = []
    for error in err.errors(include_url=False):
        loc = tuple(error["loc"])
        message, hint = describe(error, root, syntax, wording)
        where = location(loc, wording) or "(Datensatz)"
        result.append(
            (loc, Problem(message=message, location=f"{prefix}: {where}" if prefix else where, hint=hint))
        )
    return result
