"""Shared fixtures: the forms of the Dresden example kit, written once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.forms import write_forms
from replicate.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dresden() -> Settings:
    return load_settings(ROOT / "examples" / "dresden.toml")


@pytest.fixture(scope="session")
def forms_dir(dresden: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kit folder holding only what :func:`write_forms` writes (``formulare/…``)."""
    kit = tmp_path_factory.mktemp("kit")
    write_forms(dresden, kit)
    return kit / "formulare"
