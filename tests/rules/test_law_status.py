"""The law-checked date lives in the rules data; the template reads it from a generated include."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from replicate.rules.law import jinja_source, law_status

ROOT = Path(__file__).resolve().parents[2]


def test_law_checked_date_has_a_source() -> None:
    law = law_status()
    assert law.checked_until == date(2026, 7, 31)  # consolidated AufenthG up to the laws of 16./21.07.2026
    assert "AufenthG" in law.source or "Aufenthaltsgesetz" in law.source
    assert law.month_label == "Juli 2026"


def test_template_include_is_generated_from_the_rules_data() -> None:
    committed = (ROOT / "template" / "includes" / "law.jinja").read_text(encoding="utf-8")
    assert committed == jinja_source(), "regenerate template/includes/law.jinja from replicate.rules.law"
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "template" / "kit").rglob("*.jinja"))
    assert "2026-07-31" not in sources and "Juli 2026" not in sources
