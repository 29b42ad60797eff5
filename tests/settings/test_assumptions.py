"""The list of assumed values: only real keys of the settings model that the documents mark, one marker
text for Python and template, and the usual ways of giving settings (file, environment)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from replicate.settings import Settings, load_settings
from replicate.settings.assumptions import ASSUMABLE, MARKER, MARKER_WITHIN, model_field

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("key", list(ASSUMABLE))
def test_every_markable_key_is_a_field_of_the_model(key: str) -> None:
    assert model_field(Settings, key)


def test_model_field_refuses_what_is_not_a_field() -> None:
    assert not model_field(Settings, "cooperation.meeting")
    assert not model_field(Settings, "meeting_cadence")
    assert not model_field(Settings, "cooperation.meeting_cadence.x")


def test_template_writes_the_same_marker() -> None:
    env = SandboxedEnvironment(loader=FileSystemLoader(ROOT / "template"), undefined=StrictUndefined)
    template = env.from_string('{%- import "includes/macros.jinja" as m -%}[{{ m.assumed(a, key) }}]')
    for key in ASSUMABLE:
        assert template.render(a={"marked": [key]}, key=key) == f"[{MARKER}]"
        assert template.render(a={"marked": []}, key=key) == "[]"
    within = env.from_string('{%- import "includes/macros.jinja" as m -%}({{ m.assumed(a, key, true) }})')
    assert within.render(a={"marked": list(ASSUMABLE)}, key=key) == f"({MARKER_WITHIN})"
    assert within.render(a={"marked": []}, key=key) == "()"


def test_marked_values_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "REPLICATE_ASSUMPTIONS__MARKED", '["advice_service.staff_fte", "advice_service.staff_fte"]'
    )
    settings = load_settings(ROOT / "examples" / "leipzig.toml")
    assert settings.assumptions.marked == ["advice_service.staff_fte"]
    assert settings.assumptions.note("advice_service.staff_fte") == MARKER
    assert settings.assumptions.note("cooperation.meeting_cadence") == ""


def test_examples_without_the_section_assume_nothing() -> None:
    settings = load_settings(ROOT / "examples" / "kreis-mettmann.yaml")
    assert settings.assumptions.marked == []


def test_the_field_description_names_every_markable_key() -> None:
    """`replicate init` and the JSON Schema show the description: it must list what can be marked."""
    from replicate.settings.assumptions import Assumptions

    description = Assumptions.model_fields["marked"].description or ""
    for key in ASSUMABLE:
        assert key in description, key
