"""The interval an attacker can derive for each withheld figure, by linear programming (HiGHS).

Given the published figures and the additive relations between quantities (totals = sum of parts), the
smallest and largest value each withheld quantity can take (with every quantity ≥ 0) is found by two
linear programs. Protection is adequate when every interval is at least as wide as the threshold.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np


@cache
def _highs_module() -> Any:
    import highspy

    return highspy


def _new_highs() -> Any:
    """A silent HiGHS instance (its constructor prints a banner on the C level, so stdout is muted)."""
    highspy = _highs_module()
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            solver = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    solver.setOptionValue("output_flag", False)
    return solver


def intervals(
    values: Mapping[str, int],
    constraints: Iterable[tuple[str, Sequence[str]]],
    withheld: set[str],
) -> dict[str, tuple[float, float]]:
    """For each withheld key, the [min, max] the published figures allow (max may be ``inf``)."""
    if not withheld:
        return {}
    order = sorted(withheld)
    index = {k: i for i, k in enumerate(order)}
    highspy = _highs_module()
    solver = _new_highs()
    inf = highspy.kHighsInf
    n = len(order)
    solver.addVars(n, np.zeros(n), np.full(n, inf))
    for total, parts in constraints:
        members = [(total, -1.0), *((p, 1.0) for p in parts)]
        if not any(m in index for m, _ in members):
            continue
        coeffs: dict[int, float] = {}
        constant = 0.0
        for member, sign in members:
            if member in index:
                coeffs[index[member]] = coeffs.get(index[member], 0.0) + sign
            else:
                constant += sign * values[member]
        cols = np.array(list(coeffs), dtype=np.int32)
        vals = np.array([coeffs[c] for c in coeffs], dtype=np.float64)
        solver.addRow(-constant, -constant, len(cols), cols, vals)
    result: dict[str, tuple[float, float]] = {}
    for name, i in index.items():
        bounds = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            solver.changeColsCost(n, np.arange(n, dtype=np.int32), np.zeros(n))
            solver.changeColCost(i, 1.0)
            solver.changeObjectiveSense(sense)
            solver.run()
            status = solver.getModelStatus()
            if status == highspy.HighsModelStatus.kOptimal:
                bounds.append(float(solver.getInfo().objective_function_value))
            elif status == highspy.HighsModelStatus.kUnbounded:
                bounds.append(math.inf)
            else:  # infeasible cannot happen for true figures; treat as no information
                bounds.append(math.inf if sense == highspy.ObjSense.kMaximize else 0.0)
        result[name] = (bounds[0], bounds[1])
    return result
