"""Left-to-right values in right-to-left documents stay together: isolates in DOCX, ODT and PDF, ``<bdi>`` in
HTML; checked in the PDF text (pdftotext) and in Debian's Chromium."""

from __future__ import annotations

import datetime
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from replicate.render import DocMeta, render_markdown
from replicate.render.bidi import FSI, PDI, isolate

CASES = yaml.safe_load(Path(__file__).with_name("bidi_cases.yaml").read_text(encoding="utf-8"))
SENTENCE = "Rechtlich verbindlich ist die deutsche Fassung. Die Übersetzung dient dem Verständnis."
MARKDOWN = f"""# الموافقة

> {SENTENCE}

مركز الاستشارة: **Sächsischer Flüchtlingsrat e.V.**، مشروع «Perspektive Bleiberecht Dresden»، Dammweg 4, 01097 Dresden
"""


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_isolate(case: dict[str, str]) -> None:
    assert isolate(case["text"]) == case["isolated"]
    assert isolate(isolate(case["text"])) == case["isolated"]  # idempotent


def _render(tmp_path: Path, lang: str) -> Path:
    stem = tmp_path / lang
    render_markdown(
        MARKDOWN,
        stem,
        ["html", "docx", "odt", "pdf"],
        DocMeta("T", lang=lang, date=datetime.date(2026, 11, 25)),
    )
    return stem


def test_each_format_isolates_in_rtl_documents_only(tmp_path: Path) -> None:
    rtl = _render(tmp_path, "ar")
    html = rtl.with_suffix(".html").read_text(encoding="utf-8")
    assert f"<bdi>{SENTENCE}</bdi>" in html
    assert "<strong><bdi>Sächsischer Flüchtlingsrat e.V.</bdi></strong>" in html
    docx = zipfile.ZipFile(rtl.with_suffix(".docx")).read("word/document.xml").decode("utf-8")
    odt = zipfile.ZipFile(rtl.with_suffix(".odt")).read("content.xml").decode("utf-8")
    for xml in (docx, odt):
        assert f"{FSI}{SENTENCE}{PDI}" in xml
        assert f"{FSI}Sächsischer Flüchtlingsrat e.V.{PDI}" in xml
    ltr = _render(tmp_path, "de")
    assert "<bdi>" not in ltr.with_suffix(".html").read_text(encoding="utf-8")
    assert FSI not in zipfile.ZipFile(ltr.with_suffix(".docx")).read("word/document.xml").decode("utf-8")


@pytest.mark.libreoffice
def test_pdf_text_keeps_the_full_stop_with_the_sentence(tmp_path: Path) -> None:
    pdf = _render(tmp_path, "ar").with_suffix(".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "dem Verständnis." in text
    assert ".dem Verständnis" not in text


@pytest.mark.browser
def test_chromium_shows_the_full_stop_right_of_the_word(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    html = _render(tmp_path, "ar").with_suffix(".html")
    script = """() => {
      const bdi = [...document.querySelectorAll('bdi')].find(b => b.textContent.endsWith('Verständnis.'));
      const node = bdi.firstChild, end = node.textContent.length;
      const range = document.createRange();
      range.setStart(node, end - 12); range.setEnd(node, end - 1);
      const word = range.getBoundingClientRect();
      range.setStart(node, end - 1); range.setEnd(node, end);
      const stop = range.getBoundingClientRect();
      return {word: [word.left, word.right], stop: [stop.left, stop.right], dir: getComputedStyle(document.body).direction};
    }"""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.goto(html.as_uri())
        found: dict[str, Any] = page.evaluate(script)
        browser.close()
    assert found["dir"] == "rtl"
    assert found["stop"][0] >= found["word"][1] - 1  # the full stop follows the word on its right
