"""Shared helpers of the report tests: settings of unlike places, persons from dicts, the LP attacker."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from scipy.optimize import linprog

from replicate.report.caseload import EVENT_FIELDS, Person, make_person
from replicate.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]


def settings(name: str = "landkreis-mittelsachsen.yaml", **funder: Any) -> Settings:
    """An example's settings with the reference date fixed and ``funder`` fields replaced."""
    mp = pytest.MonkeyPatch()
    try:
        mp.setenv("REPLICATE_KIT__REFERENCE_DATE", "2026-11-25")
        loaded = load_settings(ROOT / "examples" / name)
    finally:
        mp.undo()
    if funder:
        loaded = loaded.model_copy(update={"funder": loaded.funder.model_copy(update=funder)})
    return loaded


def person(record: dict[str, Any], line: int = 2) -> Person:
    """A case record given as a dict (as in a JSONL file) → the tuple view the report reads."""

    def text(value: Any) -> str:
        return "" if value is None else "true" if value is True else "false" if value is False else str(value)

    events = [tuple(text(e.get(name)) for name in EVENT_FIELDS) for e in record.get("history", [])]
    return make_person(
        line,
        text(record.get("case_id")),
        text(record.get("nationality")),
        text(record.get("gender")),
        events,  # type: ignore[arg-type]
        text(record.get("birth_date")),
    )


def attacker_relations(content: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The additive relations an outsider reads off the published tables themselves (not our constraint list)."""
    relations: list[tuple[str, list[str]]] = []
    for table in content["tables"]:
        rows = table["rows"]
        body = [r for r in rows if r["code"] != "*"]
        total_row = next(r for r in rows if r["code"] == "*")
        columns = len(table["columns"])
        if columns == 1:
            relations.append((total_row["cells"][0]["key"], [r["cells"][0]["key"] for r in body]))
            continue
        for r in [*body, total_row]:
            relations.append((r["cells"][-1]["key"], [c["key"] for c in r["cells"][:-1]]))
        for j in range(columns):
            relations.append((total_row["cells"][j]["key"], [r["cells"][j]["key"] for r in body]))
    return relations


def attack(content: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """For each withheld quantity, the interval the published figures leave (scipy's HiGHS LP)."""
    published: dict[str, float] = {}
    withheld: set[str] = set()
    for table in content["tables"]:
        for row in table["rows"]:
            for cell in row["cells"]:
                if cell["withheld"]:
                    withheld.add(cell["key"])
                else:
                    published[cell["key"]] = cell["value"]
    for fig in content["figures"]:
        if fig["key"]:
            if fig["status"] == "gesperrt":
                withheld.add(fig["key"])
            else:
                published[fig["key"]] = fig["value"]
    assert not withheld & set(published), "a quantity is withheld in one place and published in another"
    names = sorted(withheld)
    index = {n: i for i, n in enumerate(names)}
    a_eq, b_eq = [], []
    for total, parts in attacker_relations(content):
        row = [0.0] * len(names)
        constant = 0.0
        for member, sign in [(total, -1.0), *((p, 1.0) for p in parts)]:
            if member in index:
                row[index[member]] += sign
            else:
                constant += sign * published[member]
        if any(row):
            a_eq.append(row)
            b_eq.append(-constant)
    out: dict[str, tuple[float, float]] = {}
    for name, i in index.items():
        bounds = []
        for sign in (1.0, -1.0):
            cost = [0.0] * len(names)
            cost[i] = sign
            res = linprog(
                cost, A_eq=a_eq or None, b_eq=b_eq or None, bounds=[(0, None)] * len(names), method="highs"
            )
            if res.status == 3:  # unbounded
                bounds.append(math.inf if sign < 0 else 0.0)
            else:
                assert res.status == 0, res.message
                bounds.append(sign * res.fun)
        out[name] = (bounds[0], bounds[1])
    return out
