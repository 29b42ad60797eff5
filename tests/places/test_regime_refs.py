"""Every data-protection regime cites a provision for every purpose the data-protection set needs, the
template macro ``places.ref`` and the Python lookup read the same value, and church regimes cite their own law."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from replicate.places.load import regimes
from replicate.places.refs import REF_KEYS, ref, service_ref

from ..kit.conftest import example_settings

TEMPLATE = Path(__file__).parents[2] / "template"
REGIMES = ("öffentlich", "privat", "evangelisch", "katholisch")

# From the statute: Art. 6 Abs. 1 lit. b/c/e/f, Art. 7 Abs. 1, Art. 9 Abs. 2 lit. f, Art. 14, Art. 35 DSGVO.
DSGVO = {
    "contract": "Art. 6 Abs. 1 lit. b DSGVO",
    "legal_obligation": "Art. 6 Abs. 1 lit. c DSGVO",
    "public_task": "Art. 6 Abs. 1 lit. e DSGVO",
    "legitimate_interest": "Art. 6 Abs. 1 lit. f DSGVO",
    "accountability": "Art. 7 Abs. 1 DSGVO",
    "special_claims": "Art. 9 Abs. 2 lit. f DSGVO",
    "family_notice": "Art. 14 DSGVO",
    "dpia": "Art. 35 DSGVO",
}


def test_every_regime_has_every_key() -> None:
    assert set(regimes()) == set(REGIMES)
    for name, regime in regimes().items():
        assert set(regime.refs) == set(REF_KEYS), name
        assert all(value.strip() for value in regime.refs.values()), name


@pytest.mark.parametrize("regime", ["öffentlich", "privat"])
@pytest.mark.parametrize(("key", "provision"), sorted(DSGVO.items()))
def test_state_law_regimes_cite_the_dsgvo(regime: str, key: str, provision: str) -> None:
    assert ref(regime, key) == provision


@pytest.mark.parametrize(("regime", "law"), [("evangelisch", "DSG-EKD"), ("katholisch", "KDG")])
def test_church_regimes_cite_their_own_law(regime: str, law: str) -> None:
    for key in DSGVO:
        value = ref(regime, key)
        assert value.endswith(law) and "DSGVO" not in value, (key, value)
    # Where the paragraph could not be confirmed, the law is named only, readable after a noun.
    assert ref("evangelisch", "dpia") == "nach dem DSG-EKD"
    assert ref("katholisch", "dpia") == "§ 35 KDG"
    assert ref("katholisch", "legitimate_interest") == "§ 6 Abs. 1 lit. g KDG"


def test_service_ref_follows_the_derived_regime() -> None:
    caritas = example_settings("landkreis-goerlitz-caritas.toml").advice_service
    caritas.data_protection = None  # derived from the name
    assert service_ref(caritas, "family_notice") == "§ 16 KDG"
    caritas.data_protection = "privat"
    assert service_ref(caritas, "family_notice") == "Art. 14 DSGVO"


@pytest.mark.parametrize("regime", REGIMES)
def test_template_macro_reads_the_same_values(regime: str) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE), undefined=jinja2.StrictUndefined)
    macro = env.from_string(
        '{%- import "includes/places.jinja" as p -%}{%- for key in keys -%}{{ p.ref(a, key) }}|{%- endfor -%}'
    )
    rendered = macro.render(a={"data_protection": regime}, keys=REF_KEYS)
    assert rendered == "".join(f"{ref(regime, key)}|" for key in REF_KEYS)
