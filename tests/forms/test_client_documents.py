"""The client-language documents: a notice wherever a consent is, the translated information letter (the same
letter as the German Anlage 4), German fallback for languages without a catalog, marked as German."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from replicate.forms import write_forms
from replicate.forms.catalog import default_dir, languages, po_path, read_catalog
from replicate.forms.letter import letter_body, letter_values
from replicate.forms.messages import source_messages
from replicate.forms.translate import UNTRANSLATED, translator
from replicate.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
CLIENT_DOCS = (
    "datenschutzhinweise",
    "einwilligung",
    "informationen-angehoerige",
    "informationsbrief",
    "schweigepflichtentbindung",
)
SHIPPED = languages(default_dir())


def _settings(name: str) -> Settings:
    return load_settings(ROOT / "examples" / name)


@pytest.mark.parametrize("example", ["dresden.toml", "landkreis-goerlitz-caritas.toml", "leipzig.toml"])
def test_notice_and_letter_exist_wherever_the_consent_exists(example: str, tmp_path: Path) -> None:
    settings = _settings(example)
    write_forms(settings, tmp_path)
    folder = tmp_path / "formulare"
    consent_languages = sorted(p.parent.name for p in folder.glob("*/einwilligung.md"))
    assert consent_languages == sorted(lang for lang in settings.kit.client_languages if lang != "de")
    for lang in consent_languages:
        for doc in CLIENT_DOCS:
            assert (folder / lang / f"{doc}.md").is_file(), (lang, doc)


def test_every_shipped_language_translates_every_client_document(dresden: Settings, tmp_path: Path) -> None:
    kit = dresden.kit.model_copy(update={"client_languages": ["de", *SHIPPED]})
    write_forms(dresden.model_copy(update={"kit": kit}), tmp_path)
    for lang in SHIPPED:
        for doc in CLIENT_DOCS:
            text = (tmp_path / "formulare" / lang / f"{doc}.md").read_text(encoding="utf-8")
            assert UNTRANSLATED not in text, (lang, doc)


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalogs_translate_every_message_of_the_client_documents(lang: str) -> None:
    catalog = read_catalog(po_path(lang, default_dir()))
    wanted = [s.msgid for s in source_messages() if s.context.startswith("formulare/")]
    missing = [m for m in wanted if not (catalog.get(m) and catalog.get(m).string)]  # type: ignore[union-attr]
    assert not missing, missing[:3]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    "example",
    [
        "dresden.toml",  # the authority writes; qualified legal advice
        "landkreis-goerlitz-caritas.toml",  # both partners; a Landkreis ("im Landkreis Görlitz"); no legal advice
        "leipzig.toml",  # the advice service writes
    ],
)
def test_german_letter_and_its_messages_agree(example: str, tmp_path: Path) -> None:
    """One letter: the German Anlage 4 of the template is what the catalog messages say in German."""
    from replicate.kit.build import render_template

    settings = _settings(example)
    render_template(settings, tmp_path / "kit")
    rendered = (tmp_path / "kit" / "vereinbarung" / "anlage-4-informationsbrief.md").read_text(
        encoding="utf-8"
    )
    letter = rendered.split("\n---\n", 1)[1]
    built = "\n".join(letter_body(translator("de"), letter_values(settings)))
    assert _normal(built) == _normal(letter)


def test_translated_letter_uses_the_place_name_and_german_fallback_the_german_form(tmp_path: Path) -> None:
    settings = _settings("landkreis-goerlitz-caritas.toml")
    write_forms(settings, tmp_path)
    english = (tmp_path / "formulare" / "en" / "informationsbrief.md").read_text(encoding="utf-8")
    georgian = (tmp_path / "formulare" / "ka" / "informationsbrief.md").read_text(encoding="utf-8")
    assert "You have lived in Landkreis Görlitz for a long time." in english
    assert f"{UNTRANSLATED}Sie leben schon lange im Landkreis Görlitz." in georgian
    assert "erfährt die Ausländerbehörde, dass Sie beraten werden" in georgian
    assert "Verweisungsbogen" in georgian


def _build(settings: Settings, kit_dir: Path, documents: list[str]) -> None:
    from replicate.kit.documents import build_documents

    kit = settings.kit.model_copy(update={"formats": ["html", "docx", "odt"]})
    build_documents(settings.model_copy(update={"kit": kit}), kit_dir, only=[Path(d) for d in documents])


def _zip_text(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8")


def test_documents_without_catalog_are_german_documents(tmp_path: Path) -> None:
    """``ka`` has no catalog: its documents are German text marked [DE] and say lang="de" in every format;
    the Arabic ones stay Arabic, right to left, with German values isolated."""
    settings = _settings("landkreis-goerlitz-caritas.toml")
    write_forms(settings, tmp_path)
    docs = [
        "formulare/ka/einwilligung.md",
        "formulare/ar/einwilligung.md",
        "formulare/ka/informationsbrief.md",
    ]
    _build(settings, tmp_path, docs)
    for stem in ("formulare/ka/einwilligung", "formulare/ka/informationsbrief"):
        html = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
        assert '<html lang="de" dir="ltr">' in html
        assert UNTRANSLATED.strip() in html
        assert "<dc:language>de</dc:language>" in _zip_text(tmp_path / f"{stem}.docx", "docProps/core.xml")
        assert 'w:val="de-DE"' in _zip_text(tmp_path / f"{stem}.docx", "word/styles.xml")
        assert "<dc:language>de</dc:language>" in _zip_text(tmp_path / f"{stem}.odt", "meta.xml")
    arabic = (tmp_path / "formulare/ar/einwilligung.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "<bdi>Caritasverband für den Landkreis Görlitz e.V.</bdi>" in arabic
    assert "<dc:language>ar</dc:language>" in _zip_text(
        tmp_path / "formulare/ar/einwilligung.docx", "docProps/core.xml"
    )
    assert "\u2068" in _zip_text(tmp_path / "formulare/ar/einwilligung.docx", "word/document.xml")


@pytest.mark.parametrize(
    ("route", "own"),
    [("Wohlfahrtsverband", True), ("Kanzlei", False), ("befugte Person", True), ("keine", False)],
)
def test_the_letter_follows_the_legal_service_route_like_anlage_4(
    route: str, own: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letter's sentence on legal checks follows the RDG route (not only the old true/false setting):
    a welfare body's service checks the legal situation itself (§ 8 Abs. 1 Nr. 5 RDG), a law firm route does
    not; the German Anlage 4 and the catalog messages say the same."""
    from replicate.kit.build import render_template

    monkeypatch.setenv("REPLICATE_ADVICE_SERVICE__LEGAL_SERVICE_BASIS", route)
    monkeypatch.setenv("REPLICATE_ADVICE_SERVICE__LEGAL_PARTNER", "Kanzlei Beispiel und Partner")
    text = (ROOT / "examples" / "landkreis-goerlitz-caritas.toml").read_text(encoding="utf-8")
    example = tmp_path / "einstellungen.toml"
    example.write_text(re.sub(r"(?m)^qualified_legal_advice = .*\n", "", text), encoding="utf-8")
    settings = load_settings(example)
    render_template(settings, tmp_path / "kit")
    rendered = (tmp_path / "kit" / "vereinbarung" / "anlage-4-informationsbrief.md").read_text(
        encoding="utf-8"
    )
    built = "\n".join(letter_body(translator("de"), letter_values(settings)))
    assert _normal(built) == _normal(rendered.split("\n---\n", 1)[1])
    assert ("Die Beratung prüft auch Ihre rechtliche Lage." in built) is own
