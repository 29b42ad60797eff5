"""HTML: a standalone, escaped page without external resources."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from replicate.render import DocMeta, render_markdown
from tests.render.conftest import DATE, SECTION_HEADING, png


def _html(rendered: dict[str, Path]) -> str:
    return rendered["html"].read_text(encoding="utf-8")


def test_page_head_declares_language_charset_and_csp(rendered: dict[str, Path]) -> None:
    html = _html(rendered)
    assert html.startswith("<!DOCTYPE html>\n")
    assert '<html lang="de" dir="ltr">' in html
    assert '<meta charset="utf-8">' in html
    assert (
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    ) in html
    assert "<title>Beratung zum Bleiberecht</title>" in html
    assert "@page { size: A4; margin: 2.5cm; }" in html
    assert '"Noto Sans"' in html


def test_structure_is_rendered(rendered: dict[str, Path]) -> None:
    html = _html(rendered)
    for heading in (
        "<h1>Beratung zum Bleiberecht</h1>",
        "<h2>Rechtsgrundlagen</h2>",
        f"<h3>{SECTION_HEADING}</h3>",
        "<h4>Fristen</h4>",
    ):
        assert heading in html
    assert '<ol start="3">' in html
    assert '<th style="text-align:right">Dauer</th>' in html
    assert "<blockquote>" in html
    assert "<hr />" in html
    assert "Zeile eins mit hartem Umbruch<br />" in html
    assert "<s>gestrichen</s>" in html
    assert '<li class="task">☐ Pass liegt vor</li>' in html
    assert '<li class="task">☒ Meldebescheinigung liegt vor</li>' in html
    assert "Name: ____________________ Datum: __________" in html
    assert "<p>__________________________________</p>" in html
    assert "Привет" in html and "مرحبا" in html


def test_links_between_documents_point_at_html(rendered: dict[str, Path]) -> None:
    html = _html(rendered)
    assert '<a href="merkblatt.html">das Merkblatt</a>' in html
    assert '<a href="fristen.html#abschnitt-2">' in html
    assert '<a href="https://www.gesetze-im-internet.de/aufenthg_2004/__25b.html">' in html
    assert ".md" not in " ".join(re.findall(r'href="([^"]*)"', html))


def test_hostile_text_is_escaped_and_no_script_or_javascript_link_exists(rendered: dict[str, Path]) -> None:
    html = _html(rendered)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ x }}" in html
    assert "<script" not in html.lower()
    assert not re.search(r'href="\s*javascript:', html, re.IGNORECASE)
    assert "[böse](javascript:alert(1))" in html  # shown as the text the author wrote


def test_no_external_resources(rendered: dict[str, Path]) -> None:
    html = _html(rendered)
    assert "<link" not in html
    assert "@import" not in html
    assert "url(" not in html
    assert all(src.startswith("data:") for src in re.findall(r'src="([^"]*)"', html))


def test_nav_and_footer(rendered: dict[str, Path]) -> None:
    html = _html(rendered)
    assert '<nav><a href="index.html">Übersicht</a></nav>' in html
    assert '<footer class="page">Kit Perspektive Bleiberecht Musterstadt · Stand 25.11.2026</footer>' in html


def test_title_and_footer_are_escaped(tmp_path: Path) -> None:
    meta = DocMeta('<b>"A&B"</b>', footer="<i>x</i>", date=DATE)
    (path,) = render_markdown("Text\n", tmp_path / "doc", ["html"], meta)
    html = path.read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</title>" in html
    assert "&lt;i&gt;x&lt;/i&gt;" in html


def test_logo_is_embedded_as_data_uri(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png())
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"/>', encoding="utf-8")
    for image, mime in ((logo, "image/png"), (svg, "image/svg+xml")):
        meta = DocMeta("Logo", date=datetime.date(2026, 1, 1), logo=image)
        (path,) = render_markdown("# Logo\n", tmp_path / image.suffix[1:], ["html"], meta)
        assert f'<img src="data:{mime};base64,' in path.read_text(encoding="utf-8")


def test_arabic_page_is_right_to_left(rendered_ar: dict[str, Path]) -> None:
    html = _html(rendered_ar)
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>مرحبا بكم</h1>" in html
