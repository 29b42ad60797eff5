"""What write_forms puts into a kit: printable form, offline form, consent forms per client language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from replicate.forms import write_forms
from replicate.forms.consent import BINDING_DE
from replicate.forms.definition import all_fields, form_sections
from replicate.forms.html_form import csp_hash
from replicate.forms.translate import UNTRANSLATED
from replicate.settings import Settings

CLIENT = ["en", "ar", "fa", "ru", "uk"]


def test_files_written(forms_dir: Path) -> None:
    names = sorted(p.relative_to(forms_dir).as_posix() for p in forms_dir.rglob("*") if p.is_file())
    expected = ["erstberatung.html", "erstberatungsbogen.md", "fim-zuordnung.md"]
    expected += [
        f"{lang}/{doc}.md"
        for lang in CLIENT
        for doc in (
            "datenschutzhinweise",
            "einwilligung",
            "informationen-angehoerige",
            "informationsbrief",
            "schweigepflichtentbindung",
        )
    ]
    assert names == sorted(expected)


def test_printable_form_asks_every_field(forms_dir: Path) -> None:
    text = (forms_dir / "erstberatungsbogen.md").read_text(encoding="utf-8")
    assert text.startswith("# Erstberatungsbogen Perspektivberatung")
    for section in form_sections():
        assert section.title in text
    for f in all_fields(form_sections()):
        assert f.label.rstrip(".?").replace("*", "\\*")[:25] in text.replace("\\", ""), f.path
    assert "☐ ja  ☐ nein  ☐ unbekannt" in text
    assert "______________________________" in text


def test_csp_allows_only_the_inline_script_and_style(forms_dir: Path) -> None:
    html = (forms_dir / "erstberatung.html").read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = csp.group(1)
    assert policy.startswith("default-src 'none'; ")
    assert "connect-src" not in policy and "unsafe-eval" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(scripts) == 1 and len(styles) == 1
    assert f"script-src {csp_hash(scripts[0])};" in policy
    assert f"style-src {csp_hash(styles[0])};" in policy


def test_embedded_data_cannot_close_its_script_tag(dresden: Settings, tmp_path: Path) -> None:
    evil = dresden.model_copy(
        update={
            "advice_service": dresden.advice_service.model_copy(
                update={"project_name": "</script><script>alert(1)</script>"}
            )
        }
    )
    write_forms(evil, tmp_path)
    html = (tmp_path / "formulare" / "erstberatung.html").read_text(encoding="utf-8")
    assert html.count("<script") == 2
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    consent = (tmp_path / "formulare" / "en" / "einwilligung.md").read_text(encoding="utf-8")
    assert "\\<script\\>" in consent


@pytest.mark.parametrize("lang", CLIENT)
def test_consent_forms_are_translated_and_say_german_binds(
    forms_dir: Path, lang: str, dresden: Settings
) -> None:
    for doc in ("einwilligung", "schweigepflichtentbindung"):
        text = (forms_dir / lang / f"{doc}.md").read_text(encoding="utf-8")
        assert UNTRANSLATED not in text
        assert BINDING_DE in text.split("\n## ")[0]
        assert "Art. 6 Abs. 1 lit. a" in text and "Art. 9 Abs. 2 lit. a" in text and "Art. 7 Abs. 3" in text
        assert dresden.advice_service.email in text
        assert text.count("______________________________") >= 3
        assert "- [ ] " in text
    release = (forms_dir / lang / "schweigepflichtentbindung.md").read_text(encoding="utf-8")
    assert dresden.authority.name in release
    assert dresden.cooperation.land_bodies.hardship_commission in release


def test_missing_language_falls_back_to_marked_german(dresden: Settings, tmp_path: Path) -> None:
    kit = dresden.kit.model_copy(update={"client_languages": ["de", "ti"]})
    write_forms(dresden.model_copy(update={"kit": kit}), tmp_path)
    text = (tmp_path / "formulare" / "ti" / "einwilligung.md").read_text(encoding="utf-8")
    assert f"# {UNTRANSLATED}Einwilligung in die Verarbeitung personenbezogener Daten" in text
    html = (tmp_path / "formulare" / "erstberatung.html").read_text(encoding="utf-8")
    assert f'"{UNTRANSLATED}Sprache"' in html


def test_form_and_renderer_agree_on_right_to_left() -> None:
    """Both read the writing direction from CLDR (Babel), so a language outside any list of ours works too."""
    import datetime

    from replicate.languages import is_rtl
    from replicate.render.meta import DocMeta

    for code, rtl in {
        "ar": True,
        "fa": True,
        "ps": True,
        "ckb": True,
        "ug": True,
        "ka": False,
        "ti": False,
    }.items():
        assert is_rtl(code) is rtl, code
        assert DocMeta("T", lang=code, date=datetime.date(2026, 11, 25)).rtl is rtl, code
