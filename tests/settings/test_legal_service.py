"""The RDG route: the new setting, the older yes/no setting and what `check` says about the derivation."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


def _with(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "stadt.toml"
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("line", "route", "own"),
    [
        ("qualified_legal_advice = true", "befugte Person", True),
        ("qualified_legal_advice = false", "keine", False),
        ('legal_service_basis = "Wohlfahrtsverband"', "Wohlfahrtsverband", True),
        ('legal_service_basis = "Kanzlei"\nlegal_partner = "Kanzlei Muster, Dresden"', "Kanzlei", False),
        ('legal_service_basis = "keine"', "keine", False),
        ('legal_service_basis = "befugte Person"\nqualified_legal_advice = true', "befugte Person", True),
    ],
)
def test_route_and_the_older_setting_agree(tmp_path: Path, line: str, route: str, own: bool) -> None:
    settings = load_settings(_with(tmp_path, "qualified_legal_advice = true", line))
    data = settings.template_data()["advice_service"]
    assert data["legal_service_basis"] == route
    # the older key stays readable: true only where the service itself gives individual legal checks
    assert data["qualified_legal_advice"] is own


def test_check_says_what_was_derived(tmp_path: Path) -> None:
    old = load_settings(_with(tmp_path, "qualified_legal_advice = true", "qualified_legal_advice = false"))
    notes = [n for n in old.notes() if n.startswith("Rechtsdienstleistung abgeleitet")]
    assert notes == [
        "Rechtsdienstleistung abgeleitet aus qualified_legal_advice = false: keine Rechtsberatung im Einzelfall, "
        "nur allgemeine Information. Setzen Sie advice_service.legal_service_basis auf den Weg, der bei Ihnen gilt: "
        "„befugte Person“, „Wohlfahrtsverband“ (Träger der freien Wohlfahrtspflege), „Kanzlei“ oder „keine“."
    ]
    new = load_settings(_with(tmp_path, "qualified_legal_advice = true", 'legal_service_basis = "keine"'))
    assert not [n for n in new.notes() if "Rechtsdienstleistung" in n]


def test_legal_nature_defaults_to_the_dresden_model() -> None:
    settings = load_settings(ROOT / "examples" / "dresden.toml")
    assert settings.cooperation.legal_nature == "ohne Rechtsbindung"
