"""The agreement's legal clauses follow the statute for each setting: legal nature (§§ 54 ff. VwVfG), the
lawful route for individual legal checks (RDG), removal dates (§ 59 Abs. 1 Satz 8, § 97a AufenthG) and
priority by completeness only (Art. 3 Abs. 1 GG). Cases are data: ``agreement_law_cases.yaml``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from replicate.kit.build import render_template
from replicate.settings import Settings

from .conftest import example_settings

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("agreement_law_cases.yaml")).read_text(encoding="utf-8")
)
AGREEMENT = "vereinbarung/kooperationsvereinbarung.md"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _settings(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Settings:
    settings = example_settings(case["example"], monkeypatch)
    for dotted, value in case["set"].items():
        section, key = dotted.split(".")
        setattr(getattr(settings, section), key, value)
    return settings


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_agreement_follows_the_law(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render_template(_settings(case, monkeypatch), tmp_path / "kit")
    for name, expected in case["documents"].items():
        text = _squash((tmp_path / "kit" / name).read_text(encoding="utf-8"))
        for phrase in expected.get("must", []):
            assert _squash(phrase) in text, f"{name}: missing „{phrase}“"
        for pattern in expected.get("must_not", []):
            found = re.search(pattern, text, flags=re.M)
            assert not found, f"{name}: „{text[max(found.start() - 60, 0) : found.end() + 60]}“"


@pytest.mark.parametrize(
    "example", ["dresden.toml", "landkreis-goerlitz-caritas.toml", "kreis-mettmann.yaml"]
)
@pytest.mark.parametrize("nature", ["ohne Rechtsbindung", "öffentlich-rechtlicher Vertrag"])
def test_no_label_grants_priority(
    example: str, nature: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the service's label, it grants nothing: no sentence ties precedence to a traffic-light level
    except to deny it, and the "grün" row promises help with the evidence, not faster processing."""
    settings = example_settings(example, monkeypatch)
    settings.cooperation.legal_nature = nature  # type: ignore[assignment]
    render_template(settings, tmp_path / "kit")
    text = (tmp_path / "kit" / AGREEMENT).read_text(encoding="utf-8")
    green = next(line for line in text.splitlines() if line.startswith("| grün |"))
    assert not re.search(r"vorrang|schneller|bevorzugt|zuerst", green, flags=re.I), green
    for sentence in re.split(r"(?<=[.;:])\s+", _squash(text)):
        if re.search(r"vorrang|bevorzug", sentence, flags=re.I) and re.search(
            r"grün|Stufe|Einstufung|eingestuft", sentence
        ):
            assert re.search(r"\bkein|\bnicht\b", sentence), sentence


def test_legal_partner_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = example_settings("kreis-mettmann.yaml", monkeypatch)
    settings.advice_service.legal_service_basis = "Kanzlei"
    settings.advice_service.legal_partner = "Kanzlei *Fett* <b>x</b>"
    settings.advice_service.qualified_legal_advice = None
    render_template(settings, tmp_path / "kit")
    for name in (
        AGREEMENT,
        "vereinbarung/anlage-1-kontaktliste.md",
        "vereinbarung/anlage-2-verweisungsbogen.md",
    ):
        text = (tmp_path / "kit" / name).read_text(encoding="utf-8")
        assert r"Kanzlei \*Fett\* \<b\>x\</b\>" in text, name
        assert "<b>" not in text, name
