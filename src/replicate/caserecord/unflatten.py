"""CSV columns with dotted names (``employment.jobs.0.start``) → one nested case record."""

from __future__ import annotations

import difflib
import itertools
import re
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from replicate.errors import Problem

MAX_INDEX = 99
"""Highest list position in a column name (``status_periods.99.start``): a case has far fewer periods."""

_BOOL = {"ja": True, "nein": False, "true": True, "false": False}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as ``Asylum``, ``list[Job]`` or ``Period | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def unknown_column(name: str, model: type[BaseModel]) -> str | None:
    """None when ``name`` is a field path of ``model``; else the closest known path (or an empty string)."""
    current: type[BaseModel] | None = model
    known: list[str] = []
    done: list[str] = []
    for part in name.split("."):
        if part.isdecimal() and part.isascii():
            done.append(part)
            continue
        if current is None:
            return ""
        field = current.model_fields.get(part)
        if field is None:
            close = difflib.get_close_matches(part, list(current.model_fields), n=1, cutoff=0.6)
            known = [*done, close[0]] if close else []
            return ".".join(known)
        done.append(part)
        if _free_form(field.annotation):
            return None  # keys below a mapping are data, not field names
        current = _model_in(field.annotation)
    return None


def _free_form(annotation: Any) -> bool:
    """True for ``dict[...]`` or ``Any`` (also inside ``| None``): their keys are not checked here."""
    if annotation is Any or typing.get_origin(annotation) is dict:
        return True
    return any(_free_form(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def check_header(header: list[str], model: type[BaseModel] | None = None) -> list[Problem]:
    """Problems with the column names: empty, doubled, malformed, with a list position over the cap, or
    (given the record ``model``) not a field of the record."""
    problems = []
    seen: set[str] = set()
    hint = "Spaltennamen wie in der Vorlage: z. B. case_id, status_periods.0.start (siehe replicate rules schema)."
    for number, name in enumerate(header, start=1):
        where = f"Zeile 1, Spalte {number}"
        if not name:
            problems.append(Problem("Spalte ohne Namen", where, hint=hint))
            continue
        if name in seen:
            problems.append(
                Problem(f"Spalte „{name}“ ist doppelt vorhanden", where, hint="Löschen Sie eine der beiden.")
            )
        seen.add(name)
        for part in name.split("."):
            if part.isdecimal() and part.isascii():
                if int(part) > MAX_INDEX:
                    problems.append(
                        Problem(
                            f"Spalte „{name[:80]}“: Listenplatz {int(part)} ist zu groß (höchstens {MAX_INDEX})",
                            where,
                            hint="Zählen Sie die Einträge ab 0 und ohne Lücken: status_periods.0, status_periods.1 …",
                        )
                    )
                    break
            elif not _NAME.match(part):
                problems.append(Problem(f"Spaltenname „{name[:80]}“ ist nicht lesbar", where, hint=hint))
                break
        else:
            close = unknown_column(name, model) if model is not None else None
            if close is not None:
                problems.append(
                    Problem(
                        f"Spalte „{name[:80]}“ ist kein Feld des Falldatensatzes",
                        where,
                        hint=f"Meinten Sie „{close}“?" if close else hint,
                    )
                )
    return problems


def _conflict(key: str) -> ValueError:
    return ValueError(f"Spalte „{key}“ widerspricht einer anderen Spalte mit demselben Anfang")


def unflatten(flat: dict[str, str], parse_json: Callable[[str], Any]) -> dict[str, Any]:
    """Turn one CSV row into a nested record; empty cells are left out (unknown, not "no").

    A cell starting with ``[`` or ``{`` is JSON; ``ja``/``nein``/``true``/``false`` are Yes/No. Raises
    ValueError (German) for a cell that is not readable or columns that contradict each other
    (``asylum`` and ``asylum.outcome`` both filled).
    """
    root: dict[str, Any] = {}
    for key, raw in flat.items():
        cell = (raw or "").strip()
        if not key or not cell:
            continue
        value: Any = cell
        if cell[0] in "[{":
            value = parse_json(cell)
        elif cell.lower() in _BOOL:
            value = _BOOL[cell.lower()]
        parts = key.split(".")
        node: Any = root
        for part, nxt in itertools.pairwise(parts):
            child: Any = [] if nxt.isdecimal() and nxt.isascii() else {}
            if isinstance(node, list):
                if not (part.isdecimal() and part.isascii()):
                    raise _conflict(key)
                idx = int(part)
                while len(node) <= idx:
                    node.append([] if nxt.isdecimal() and nxt.isascii() else {})
                node = node[idx]
            elif isinstance(node, dict):
                node = node.setdefault(part, child)
            else:
                raise _conflict(key)
            if not isinstance(node, type(child)):
                raise _conflict(key)
        last = parts[-1]
        if isinstance(node, list):
            if not (last.isdecimal() and last.isascii()):
                raise _conflict(key)
            while len(node) <= int(last):
                node.append({})
            node[int(last)] = value
        elif isinstance(node, dict):
            if last in node:
                raise _conflict(key)
            node[last] = value
        else:
            raise _conflict(key)
    return root
