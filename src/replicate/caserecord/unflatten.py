"""CSV columns with dotted names (``employment.jobs.0.start``) → one nested case record."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from replicate.errors import Problem

MAX_INDEX = 99
"""Highest list position in a column name (``status_periods.99.start``): a case has far fewer periods."""

_BOOL = {"ja": True, "nein": False, "true": True, "false": False}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check_header(header: list[str]) -> list[Problem]:
    """Problems with the column names: empty, doubled, malformed or with a list position over the cap."""
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
            if part.isdigit():
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
            child: Any = [] if nxt.isdigit() else {}
            if isinstance(node, list):
                if not part.isdigit():
                    raise _conflict(key)
                idx = int(part)
                while len(node) <= idx:
                    node.append([] if nxt.isdigit() else {})
                node = node[idx]
            elif isinstance(node, dict):
                node = node.setdefault(part, child)
            else:
                raise _conflict(key)
            if not isinstance(node, type(child)):
                raise _conflict(key)
        last = parts[-1]
        if isinstance(node, list):
            if not last.isdigit():
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
