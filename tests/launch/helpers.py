"""Settings for launch tests: a shipped example with dotted-key changes, written as YAML next to the test."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def example_data(name: str) -> dict[str, Any]:
    path = ROOT / "examples" / name
    text = path.read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
    return data


def with_changes(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        node = data
        for key in parents:
            node = node.setdefault(key, {})
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return data


def write_settings(tmp_path: Path, base: str, changes: dict[str, Any], reference: dt.date | str) -> Path:
    """A settings file (YAML) from ``base`` with ``changes`` and the kit's reference date."""
    data = with_changes(example_data(base), changes)
    data.setdefault("kit", {})["reference_date"] = str(reference)
    path = tmp_path / "einstellungen.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
