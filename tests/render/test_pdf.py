"""PDF via Typst: all text printed literally, A4, footer, fonts from the packages, Arabic."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from replicate.errors import RenderError
from replicate.render import DocMeta, render_markdown
from replicate.render.fonts import typst_fonts
from replicate.render.pdf import lit, typst_source
from replicate.render.tree import parse
from tests.helpers_office import pdf_text
from tests.render.conftest import DATE, FOOTER, NBSP, png

HOSTILE = [
    '#import "x"',
    "$x$",
    "@ref",
    "<label>",
    "// comment",
    "*bold*",
    "[eckig]",
    "~tilde~",
    '"Zitat"',
    "\\ Backslash",
    "<script>alert(1)</script>",
    "{{ x }}",
]


def _poppler(tool: str, *args: str) -> str:
    return subprocess.run([tool, *args], capture_output=True, text=True, check=False).stdout


def test_text_headings_and_scripts_come_out(rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["pdf"]).replace(NBSP, " ")  # pdftotext may show the no-break space
    for literal in (
        "Beratung zum Bleiberecht",
        "Rechtsgrundlagen",
        "Voraussetzungen nach § 25b AufenthG",
        "Fristen",
        "Ärger, Öl, Übung, größer",
        "„Привет“",
        "☐ Pass liegt vor",
        "☒ Meldebescheinigung liegt vor",
        "Name: ____________________ Datum: __________",
        "__________________________________",
        "3. dritter Schritt 4. vierter Schritt",
        'return "<b>nicht fett</b>"',
        f"{FOOTER} Seite 1 von 1",
    ):
        assert literal in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markup_characters_print_literally(rendered: dict[str, Path], hostile: str) -> None:
    assert hostile in pdf_text(rendered["pdf"])


def test_page_size_and_metadata(rendered: dict[str, Path]) -> None:
    info = _poppler("pdfinfo", str(rendered["pdf"]))
    assert "(A4)" in info
    assert re.search(r"^Title:\s+Beratung zum Bleiberecht$", info, re.M)
    assert "CreationDate" not in info


def test_only_packaged_and_embedded_fonts_are_used(rendered: dict[str, Path]) -> None:
    fonts = _poppler("pdffonts", str(rendered["pdf"])).splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts}
    assert {"NotoSans-Regular", "NotoSans-Italic", "NotoSansArabic-Regular", "DejaVuSansMono"} <= names
    fallback = {name for name in names if name.startswith("NewCM")}  # Typst's embedded math font: ☐/☒
    assert names - fallback == {
        "NotoSans-Regular",
        "NotoSans-Italic",
        "NotoSansArabic-Regular",
        "DejaVuSansMono",
    }


def test_bold_is_a_real_weight_of_the_variable_font() -> None:
    """Typst instantiates the variable font's weight axis: bold text is wider than regular text."""
    source = (
        '#set text(font: "Noto Sans")\n'
        "#context assert(measure(strong[Bleiberecht]).width > measure([Bleiberecht]).width * 1.03)\n"
    )
    typst.compile(source.encode(), font_paths=typst_fonts(), ignore_system_fonts=True)


@settings(max_examples=40, deadline=None)
@given(st.text())
def test_string_literals_round_trip(text: str) -> None:
    assert json.loads(typst.eval(b"", lit(text), format="json")) == text


def test_arabic_pdf_is_rtl_and_contains_the_words(rendered_ar: dict[str, Path]) -> None:
    text = pdf_text(rendered_ar["pdf"])
    assert "سلام" in text
    # Typst maps both glyphs of a dotted Arabic letter (skeleton + dots) to the letter in the PDF's
    # text layer, so extraction doubles it (مرحببا); the page itself is right. Undo that for the check.
    undoubled = re.sub(r"([\u0620-\u064a])\1", r"\1", text)
    assert "مرحبا بالعالم" in undoubled
    assert "dir: rtl" in typst_source(parse("نص\n"), DocMeta("ع", lang="ar", date=DATE))


def test_logo_in_header(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png())
    (path,) = render_markdown("# Logo\n", tmp_path / "doc", ["pdf"], DocMeta("Logo", date=DATE, logo=logo))
    images = _poppler("pdfimages", "-list", str(path))
    assert len(images.splitlines()) == 3  # two header lines plus one image


def test_typst_failure_becomes_a_render_error_naming_the_document(tmp_path: Path) -> None:
    logo = tmp_path / "kaputt.png"
    logo.write_bytes(b"not a png")
    meta = DocMeta("Merkblatt", date=DATE, logo=logo)
    with pytest.raises(RenderError) as caught:
        render_markdown("# Text\n", tmp_path / "merkblatt", ["pdf"], meta)
    message = str(caught.value)
    assert message.startswith("merkblatt.pdf („Merkblatt“) konnte nicht erzeugt werden: ")
    assert "image" in message.lower()
