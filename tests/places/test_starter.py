"""The starter file shows the places settings but activates none that would change a kit."""

from __future__ import annotations

import tomllib

from replicate.settings import starter_toml


def test_optional_owner_section_is_commented_out() -> None:
    text = starter_toml()
    data = tomllib.loads(text)
    assert "owner" not in data["authority"]  # else every starter kit would have a different Rechtsträger
    assert "# [authority.owner]" in text
    assert "# data_protection = " in text and "data_protection" not in data["advice_service"]
    assert data["municipality"]["name_forms"] == {}  # every grammatical form is derived unless given
