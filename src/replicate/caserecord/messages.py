"""Turn pydantic validation errors into German problems that name the field."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from replicate.errors import Problem


def _german(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        return "Angabe fehlt"
    if kind == "extra_forbidden":
        return "unbekanntes Feld"
    if kind.startswith("date"):
        return f"kein gültiges Datum: {value!r} (erwartet JJJJ-MM-TT, z. B. 2022-12-31)"
    if kind == "less_than_equal":
        return f"Wert {value} ist zu groß (höchstens {ctx.get('le'):g})"
    if kind == "greater_than_equal":
        if ctx.get("ge") == 0:
            return f"Wert {value} darf nicht negativ sein"
        return f"Wert {value} ist zu klein (mindestens {ctx.get('ge'):g})"
    if kind == "literal_error":
        return f"unzulässiger Wert {value!r}; erlaubt: {ctx.get('expected')}"
    if kind.startswith("bool"):
        return f"ja/nein erwartet, nicht {value!r}"
    if kind.startswith(("int", "float")):
        return f"Zahl erwartet, nicht {value!r}"
    if kind in ("list_type", "dict_type", "model_type"):
        return "falscher Typ (Liste bzw. Objekt erwartet)"
    if kind == "value_error":
        return str(ctx.get("error") or err["msg"])
    return str(err["msg"])


def _hint(kind: str) -> str:
    """What to do, for the errors where the message alone does not say it."""
    if kind == "missing":
        return "Feld ergänzen oder den ganzen Eintrag weglassen, wenn er unbekannt ist (alle Felder: replicate rules schema)."
    if kind == "extra_forbidden":
        return "Schreibweise prüfen; alle Felder zeigt replicate rules schema."
    return ""


def problems_from(exc: ValidationError, prefix: str = "") -> list[Problem]:
    """One problem per pydantic error; ``prefix`` (e.g. ``Zeile 12``) is put before the field path."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        path = ".".join(str(p) for p in err["loc"]) or "(Datensatz)"
        location = f"{prefix}: {path}" if prefix else path
        hint = str((err.get("ctx") or {}).get("hint") or _hint(err["type"]))
        out.append(Problem(message=_german(err), location=location, hint=hint))
    return out
