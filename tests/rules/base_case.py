"""The § 25b "Grundfall" of the rule test cases, as one shared starting point for hand-written tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

_CASES = Path(__file__).resolve().parents[2] / "src" / "replicate" / "rules" / "cases" / "p25b.yaml"
_BASE: dict[str, Any] = json.loads(
    json.dumps(yaml.safe_load(_CASES.read_text(encoding="utf-8"))["base"], default=str)
)


def base_case(**changes: Any) -> dict[str, Any]:
    """A fresh copy of the Grundfall (all § 25b conditions met on 2026-11-25), top-level keys replaced."""
    case = copy.deepcopy(_BASE)
    case.update(changes)
    return case
