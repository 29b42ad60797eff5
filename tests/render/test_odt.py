"""ODT: outline headings, lists, tables, A4 page with footer fields, fixed metadata, RTL."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path
from typing import Any

import odfdo

from replicate.render import DocMeta, render_markdown
from tests.render.conftest import DATE, FOOTER, SECTION_HEADING, png


def _open(path: Path) -> Any:
    return odfdo.Document(str(path))


def test_headings_have_outline_levels_and_heading_styles(rendered: dict[str, Path]) -> None:
    headers = [(int(h.level), h.style, h.inner_text) for h in _open(rendered["odt"]).body.get_headers()]
    assert headers[:4] == [
        (1, "Heading_20_1", "Beratung zum Bleiberecht"),
        (2, "Heading_20_2", "Rechtsgrundlagen"),
        (3, "Heading_20_3", SECTION_HEADING),
        (4, "Heading_20_4", "Fristen"),
    ]


def test_headings_are_not_numbered(rendered: dict[str, Path]) -> None:
    outline = _open(rendered["odt"]).styles.get_element("//text:outline-style")
    assert {level.get_attribute("style:num-format") for level in outline.children} == {""}


def test_lists_and_start_number(rendered: dict[str, Path]) -> None:
    lists = _open(rendered["odt"]).body.get_lists()
    assert [(lst.style, len(lst.get_items())) for lst in lists] == [
        ("Kit_20_Bullets", 3),
        ("Kit_20_Bullets", 2),
        ("Kit_20_Numbers", 2),
        ("Kit_20_Numbers", 2),
        ("Kit_20_Plain", 2),
    ]
    assert lists[2].get_items()[0].get_attribute("text:start-value") == "3"
    assert "☐ Pass liegt vor" in str(lists[4])


def test_table_with_header_row(rendered: dict[str, Path]) -> None:
    (table,) = _open(rendered["odt"]).body.get_tables()
    assert table.get_values() == [
        ["Frist", "Dauer", "Hinweis"],
        ["Widerspruch", "1 Monat", "schriftlich"],
        ["Klage", "2 Wochen", "beim Gericht"],
    ]
    assert table.get_element("table:table-header-rows") is not None


def test_text_survives_literally(rendered: dict[str, Path]) -> None:
    text = str(_open(rendered["odt"]).body)
    for literal in (
        "Name: ____________________ Datum: __________",
        "<script>alert(1)</script> und {{ x }}",
        '#import "x", $x$, @ref, <label>, // comment, *bold*',
        "„Привет“",
        'return "<b>nicht fett</b>"',
    ):
        assert literal in text


def test_page_is_a4_with_footer_fields(rendered: dict[str, Path]) -> None:
    styles = _open(rendered["odt"]).styles
    layout = styles.get_element("//style:page-layout-properties")
    assert layout.get_attribute("fo:page-width") == "21cm"
    assert layout.get_attribute("fo:page-height") == "29.7cm"
    assert layout.get_attribute("fo:margin-left") == layout.get_attribute("fo:margin-right") == "2.5cm"
    footer = styles.get_element("//style:footer")
    assert FOOTER in footer.text_recursive
    assert footer.get_element(".//text:page-number") is not None
    assert footer.get_element(".//text:page-count") is not None


def test_language_and_fonts(rendered: dict[str, Path]) -> None:
    default = _open(rendered["odt"]).styles.get_element("//style:default-style[@style:family='paragraph']")
    props = default.get_element("style:text-properties")
    assert props.get_attribute("fo:language") == "de"
    assert props.get_attribute("fo:country") == "DE"
    assert props.get_attribute("style:font-name") == "Noto Sans"
    assert props.get_attribute("fo:font-size") == "10.5pt"


def test_metadata_is_fixed(rendered: dict[str, Path]) -> None:
    meta = _open(rendered["odt"]).meta
    midnight = datetime.datetime(2026, 11, 25, 0, 0)
    assert meta.get_creation_date() == midnight
    assert meta.get_modification_date() == midnight
    assert meta.get_generator() == "replicate"
    assert meta.get_title() == "Beratung zum Bleiberecht"
    assert meta.get_language() == "de"


def test_zip_starts_with_stored_mimetype(rendered: dict[str, Path]) -> None:
    with zipfile.ZipFile(rendered["odt"]) as package:
        first = package.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in package.infolist())
        assert "Thumbnails/thumbnail.png" not in package.namelist()
        assert b"thumbnail" not in package.read("META-INF/manifest.xml")


def test_arabic_is_right_to_left(rendered_ar: dict[str, Path]) -> None:
    document = _open(rendered_ar["odt"])
    layout = document.styles.get_element("//style:page-layout-properties")
    assert layout.get_attribute("style:writing-mode") == "rl-tb"
    standard = document.styles.get_element("//style:style[@style:name='Standard']/style:paragraph-properties")
    assert standard.get_attribute("style:writing-mode") == "rl-tb"
    assert "مرحبا بالعالم" in str(document.body)


def test_logo_goes_into_the_header(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(40, 20))
    meta = DocMeta("Logo", date=DATE, logo=logo)
    (path,) = render_markdown("# Logo\n", tmp_path / "doc", ["odt"], meta)
    document = _open(path)
    frame = document.styles.get_element("//style:header//draw:frame")
    assert frame.get_attribute("svg:width") == "2.400cm"
    href = frame.get_element("draw:image").get_attribute("xlink:href")
    with zipfile.ZipFile(path) as package:
        assert package.read(href) == logo.read_bytes()
