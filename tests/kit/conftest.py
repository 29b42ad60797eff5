"""Fixtures: kits built once per session from the shipped examples, at a fixed reference date."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.kit import new_kit
from replicate.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DATE = "2026-11-25"


def example_settings(name: str, monkeypatch: pytest.MonkeyPatch | None = None) -> Settings:
    """Load an example with the reference date fixed, as a user would with REPLICATE_KIT__REFERENCE_DATE."""
    mp = monkeypatch or pytest.MonkeyPatch()
    try:
        mp.setenv("REPLICATE_KIT__REFERENCE_DATE", REFERENCE_DATE)
        return load_settings(ROOT / "examples" / name)
    finally:
        if monkeypatch is None:
            mp.undo()


@pytest.fixture(scope="session")
def dresden_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("kits") / "dresden"
    new_kit(example_settings("dresden.toml"), dest)
    return dest
