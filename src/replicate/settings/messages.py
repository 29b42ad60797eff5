"""Turn pydantic validation errors into plain German problems with a fix."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from replicate.errors import Problem


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


def _example(model: type[BaseModel] | None, key: str) -> str:
    if model is None or key not in model.model_fields:
        return ""
    examples = model.model_fields[key].examples
    if not examples:
        return ""
    value = examples[0]
    if isinstance(value, str):
        return f'{key} = "{value}"'
    if isinstance(value, bool):
        return f"{key} = {str(value).lower()}"
    return f"{key} = {value!r}".replace("'", '"')


def _describe(error: Any, root: type[BaseModel]) -> tuple[str, str]:
    """(message, hint) for one pydantic error dict."""
    loc = tuple(error["loc"])
    key = str(loc[-1]) if loc else ""
    model = _model_at(root, loc)
    example = _example(model, key)
    kind = error["type"]
    given = error.get("input")
    if kind == "missing":
        hint = f"Tragen Sie den Wert ein, z. B. {example}." if example else "Tragen Sie den Wert ein."
        return "Pflichtangabe fehlt", hint + " `replicate init` zeigt eine vollständige Vorlage."
    if kind == "extra_forbidden":
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
        hint = f"Meinten Sie „{close[0]}“?" if close else f"Erlaubt sind: {', '.join(known)}."
        return f"unbekannter Schlüssel „{key}“", hint
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            f"„{given}“ ist kein gültiges Datum",
            "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-12-31.",
        )
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"ungültiger Wert „{given}“", f"Erlaubt sind: {expected}."
    if kind in {"int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"}:
        return f"„{given}“ ist keine Zahl", f"Geben Sie eine Zahl ohne Anführungszeichen an, z. B. {example}."
    if kind in {"bool_parsing", "bool_type"}:
        return f"„{given}“ ist kein Ja/Nein-Wert", "Schreiben Sie true (ja) oder false (nein)."
    if kind in {"string_type", "list_type", "dict_type", "model_type", "model_attributes_type"}:
        wanted = {
            "string_type": "einen Text",
            "list_type": "eine Liste",
        }.get(kind, "einen Abschnitt mit Schlüsseln")
        return f"falscher Typ: erwartet wird {wanted}", f"Beispiel: {example}" if example else ""
    if kind == "string_pattern_mismatch":
        return f"„{given}“ hat nicht das erwartete Format", f"Beispiel: {example}" if example else ""
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return f"„{given}“ liegt außerhalb des erlaubten Bereichs ({error['msg']})", ""
    if kind in {"too_short", "string_too_short"}:
        return "Angabe ist leer oder zu kurz", f"Beispiel: {example}" if example else ""
    if kind in {"too_long", "string_too_long"}:
        limit = error.get("ctx", {}).get("max_length", "")
        what = "Zeichen" if kind == "string_too_long" else "Einträge"
        return f"Angabe ist zu lang (höchstens {limit} {what})", "Kürzen Sie die Angabe."
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return message, ""
    return str(error["msg"]), ""


def problems_from(err: ValidationError, root: type[BaseModel]) -> list[tuple[tuple[Any, ...], Problem]]:
    """Each error with its location tuple, translated into a :class:`Problem` (line added later)."""
    result = []
    for error in err.errors():
        loc = tuple(error["loc"])
        message, hint = _describe(error, root)
        location = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
        result.append((loc, Problem(message=message, location=location, hint=hint)))
    return result
