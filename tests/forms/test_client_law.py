"""The client-language consent, release and notice cite the law of the service's data-protection regime and
say what the decisions for the data-protection set require (purposes, removal use, no false promises)."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.forms import write_forms
from replicate.forms.catalog import default_dir, languages, po_path, pot_path, read_catalog
from replicate.forms.consent import LAW_KEYS
from replicate.rules.loader import read_yaml
from replicate.settings import Settings

CASES, _ = read_yaml(Path(__file__).parent / "data" / "regime_cases.yaml")
LEGAL_DOCS = ("einwilligung", "schweigepflichtentbindung", "datenschutzhinweise")
_LAW = {key: f"<{key}>" for key in LAW_KEYS}
FALSE_PROMISES = (
    "Die Ausländerbehörde erfährt nicht, ob Sie zur Beratung gehen",
    "sprechen mit niemandem über Sie",
)


def _with_regime(settings: Settings, regime: str) -> Settings:
    service = settings.advice_service.model_copy(update={"data_protection": regime})
    return settings.model_copy(update={"advice_service": service})


@pytest.fixture(scope="module", params=sorted(CASES))
def regime_kit(
    request: pytest.FixtureRequest, dresden: Settings, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    kit = tmp_path_factory.mktemp(f"regime-{request.param}")
    write_forms(_with_regime(dresden, request.param), kit)
    return request.param, kit / "formulare"


def test_client_documents_cite_the_regime(regime_kit: tuple[str, Path], dresden: Settings) -> None:
    regime, folder = regime_kit
    case = CASES[regime]
    for lang in dresden.kit.client_languages[1:]:
        text = "\n".join((folder / lang / f"{doc}.md").read_text(encoding="utf-8") for doc in LEGAL_DOCS)
        for reference in case["present"]:
            assert reference in text, (regime, lang, reference)
        for reference in case["absent"]:
            assert reference not in text, (regime, lang, reference)


def test_catholic_arabic_consent_has_no_dsgvo_basis(dresden: Settings, tmp_path: Path) -> None:
    """The issue's example: a KDG kit's Arabic consent names the KDG, never the DSGVO, as basis."""
    write_forms(_with_regime(dresden, "katholisch"), tmp_path)
    consent = (tmp_path / "formulare" / "ar" / "einwilligung.md").read_text(encoding="utf-8")
    assert "DSGVO" not in consent
    assert "§ 11 KDG" in consent  # explicit consent for special categories under the KDG


def test_every_release_states_the_removal_use(forms_dir: Path, dresden: Settings) -> None:
    """Identity, passport and origin data given to the authority may be used for removal (§ 48 Abs. 3,
    § 86 AufenthG): every release says so before the boxes, in every language."""
    for lang in dresden.kit.client_languages[1:]:
        release = (forms_dir / lang / "schweigepflichtentbindung.md").read_text(encoding="utf-8")
        before_boxes = release.split("- [ ]")[0]
        assert "§ 48 Abs. 3" in before_boxes and "§ 86 AufenthG" in before_boxes, lang
        assert "§ 53 StPO" in release, lang  # no right to refuse testimony in criminal proceedings


def test_german_release_text_names_removal_and_confidentiality() -> None:
    from replicate.forms.consent import REMOVAL_USE, ConsentValues, schweigepflichtentbindung

    assert "Abschiebung vorzubereiten und durchzuführen" in REMOVAL_USE
    text = schweigepflichtentbindung(lambda s: s, ConsentValues("o", "p", "a", "e", "b", "h", law=_LAW))
    assert "zur Verschwiegenheit verpflichtet" in text
    assert "Dolmetscherinnen und Dolmetscher" in text and "§ 203 Abs. 1 Nr. 6 StGB" in text


def test_consent_says_the_client_passes_on_the_family_notice(forms_dir: Path) -> None:
    from replicate.forms.consent import ConsentValues, einwilligung

    german = einwilligung(lambda s: s, ConsentValues("o", "p", "a", "e", "b", "h", law=_LAW))
    assert "Informationsblatt für Familienangehörige weiter" in german
    # the advice itself is not consent-based, and revoking the health consent has named consequences
    assert "Für die Beratung selbst müssen Sie nicht einwilligen" in german
    assert "§ 25b Abs. 3" in german and "§ 60a Abs. 2c AufenthG" in german


def test_notice_gives_retention_objection_and_no_automated_decision(
    dresden: Settings, tmp_path: Path
) -> None:
    service = dresden.advice_service.model_copy(update={"retention_years": 5})
    write_forms(dresden.model_copy(update={"advice_service": service}), tmp_path)
    notice = (tmp_path / "formulare" / "en" / "datenschutzhinweise.md").read_text(encoding="utf-8")
    assert "5 years after the end of the year" in notice
    assert "(Art. 21 DSGVO)" in notice  # the objection right exists because the file rests on lit. f
    assert "(Art. 22 DSGVO)" in notice
    assert dresden.advice_service.email in notice


def test_old_false_promises_appear_nowhere(forms_dir: Path) -> None:
    template = Path(__file__).resolve().parents[2] / "template" / "kit" / "vereinbarung"
    letter = (template / "anlage-4-informationsbrief.md.jinja").read_text(encoding="utf-8")
    root = default_dir()
    catalogs = [read_catalog(pot_path(root))] + [
        read_catalog(po_path(lang, root)) for lang in languages(root)
    ]
    msgids = [str(m.id) for c in catalogs for m in (*c, *c.obsolete.values())]
    documents = [p.read_text(encoding="utf-8") for p in forms_dir.rglob("*.md")]
    for promise in FALSE_PROMISES:
        assert promise not in letter
        assert not [m for m in msgids if promise in m]
        assert not [d for d in documents if promise in d]
