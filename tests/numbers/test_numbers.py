"""German number notation: the Python formatter and the template macros write the same, with thousands
separators also for numbers with decimals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from replicate.numbers import euro, euro_cents, number, percent

ROOT = Path(__file__).resolve().parents[2]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8")
)
ENV = SandboxedEnvironment(loader=FileSystemLoader(ROOT / "template"), undefined=StrictUndefined)


def macro(include: str, name: str, value: float) -> str:
    """What a macro of a template include writes for ``value`` (sandboxed and strict, as Copier renders)."""
    template = ENV.from_string(f'{{%- import "includes/{include}" as x -%}}{{{{ x.{name}(value) }}}}')
    return template.render(value=value)


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["value"]))
def test_python_formatter(case: dict[str, Any]) -> None:
    value = case["value"]
    assert number(value) == case["number"]
    assert euro(value) == case["euro"]
    assert euro_cents(value) == case["euro_cents"]
    assert percent(value) == case["percent"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["value"]))
def test_template_macros_write_the_same(case: dict[str, Any]) -> None:
    value = case["value"]
    assert macro("macros.jinja", "dec", value) == case["number"]
    assert macro("macros.jinja", "eur", value) == case["euro"]
    assert macro("start.jinja", "eur", value) == case["euro_cents"]
    assert macro("start.jinja", "pct", value) == case["percent"]
    if float(value).is_integer():
        assert macro("macros.jinja", "num", value) == case["number"]


def test_report_keeps_one_decimal() -> None:
    """Report tables show shares and means with one decimal, and thousands grouped."""
    assert number(1234.5, 1, trim=False) == "1.234,5"
    assert number(12.04, 1, trim=False) == "12,0"
    assert number(-1234567.25, 1, trim=False) == "-1.234.567,2"


def test_documents_group_thousands_of_numbers_with_decimals(tmp_path: Path) -> None:
    """A Landkreis with a church-run service: a target and a grant with decimals, printed in the kit."""
    from replicate.kit.build import render_template
    from replicate.settings.model import IndicatorTarget
    from tests.kit.conftest import example_settings

    base = example_settings("landkreis-goerlitz-caritas.toml")
    indicators = [
        IndicatorTarget(id=base.funder.indicators[0].id, target=1234.5),
        *base.funder.indicators[1:],
    ]
    funder = base.funder.model_copy(update={"amount_eur": 1234567.25, "indicators": indicators})
    render_template(base.model_copy(update={"funder": funder}), tmp_path / "kit")
    steckbrief = (tmp_path / "kit" / "projekt" / "projektsteckbrief.md").read_text(encoding="utf-8")
    assert "| 1.234,5 " in steckbrief
    assert "1.234.567,25 €" in steckbrief
    for wrong in ("1234,5", "1234567,25", "1234567,2", "1.234.567 €"):
        assert wrong not in steckbrief
