"""DOCX: Word's built-in styles, real lists and tables, A4, footer fields, fixed metadata, RTL."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from replicate.render import DocMeta, render_markdown
from tests.render.conftest import DATE, FOOTER, SECTION_HEADING, png


def _open(path: Path) -> Any:
    return docx.Document(str(path))


def _styled(document: Any) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_headings_use_heading_styles(rendered: dict[str, Path]) -> None:
    styled = _styled(_open(rendered["docx"]))
    assert ("Heading 1", "Beratung zum Bleiberecht") in styled
    assert ("Heading 2", "Rechtsgrundlagen") in styled
    assert ("Heading 3", SECTION_HEADING) in styled
    assert ("Heading 4", "Fristen") in styled


def test_lists_use_list_styles(rendered: dict[str, Path]) -> None:
    styled = _styled(_open(rendered["docx"]))
    assert ("List Bullet", "Aufenthalt seit mindestens sechs Jahren") in styled
    assert ("List Bullet 2", "Nebenpunkt A") in styled
    assert ("List Number", "dritter Schritt") in styled
    assert ("List Number 2", "Unterschritt eins") in styled
    assert ("List Continue", "☐ Pass liegt vor") in styled
    assert ("List Continue", "☒ Meldebescheinigung liegt vor") in styled


def test_each_ordered_list_restarts_at_its_start_number(rendered: dict[str, Path]) -> None:
    document = _open(rendered["docx"])
    numbering = document.part.numbering_part.element
    starts = {}
    for paragraph in document.paragraphs:
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is not None:
            override = numbering.num_having_numId(num_pr.numId.val).find(qn("w:lvlOverride"))
            starts[paragraph.text] = int(override.find(qn("w:startOverride")).get(qn("w:val")))
    assert starts == {
        "dritter Schritt": 3,
        "vierter Schritt": 3,
        "Unterschritt eins": 1,
        "Unterschritt zwei": 1,
    }


def test_table_has_grid_style_cells_and_bold_header(rendered: dict[str, Path]) -> None:
    (table,) = _open(rendered["docx"]).tables
    assert table.style.name == "Table Grid"
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["Frist", "Dauer", "Hinweis"],
        ["Widerspruch", "1 Monat", "schriftlich"],
        ["Klage", "2 Wochen", "beim Gericht"],
    ]
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_page_is_a4_with_25mm_margins(rendered: dict[str, Path]) -> None:
    section = _open(rendered["docx"]).sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    for margin in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin):
        assert abs(margin - Cm(2.5)) < Cm(0.01)  # stored in twips: 1417


def test_body_font_and_language_are_set_in_styles(rendered: dict[str, Path]) -> None:
    document = _open(rendered["docx"])
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert [fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")] == [
        "Noto Sans",
        "Noto Sans",
        "Noto Sans",
        "Noto Sans Arabic",
    ]
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "21"  # half points: 10.5 pt
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "de-DE"
    normal = document.styles["Normal"]
    assert normal.font.name in (None, "Noto Sans")  # inherits the defaults
    assert document.styles["Heading 1"].element.rPr.rFonts is None or not any(
        "Theme" in key for key in document.styles["Heading 1"].element.rPr.rFonts.attrib
    )
    assert Pt(10.5) == 21 * Pt(0.5)


def test_footer_has_text_and_page_fields(rendered: dict[str, Path]) -> None:
    footer = _open(rendered["docx"]).sections[0].footer
    xml = footer._element.xml
    assert FOOTER in footer.paragraphs[0].text
    assert "Seite" in footer.paragraphs[0].text and " von " in footer.paragraphs[0].text
    assert 'w:instr=" PAGE "' in xml and 'w:instr=" NUMPAGES "' in xml


def test_core_properties_are_fixed(rendered: dict[str, Path]) -> None:
    props = _open(rendered["docx"]).core_properties
    midnight = datetime.datetime(2026, 11, 25, 0, 0)
    assert props.title == "Beratung zum Bleiberecht"
    assert props.language == "de"
    assert props.author == props.last_modified_by == "replicate"
    assert props.created.replace(tzinfo=None) == props.modified.replace(tzinfo=None) == midnight
    assert props.revision == 1
    assert props.comments == ""


def test_links_point_at_docx_and_no_javascript(rendered: dict[str, Path]) -> None:
    rels = _open(rendered["docx"]).part.rels.values()
    targets = {rel.target_ref for rel in rels if rel.is_external}
    assert {"merkblatt.docx", "fristen.docx#abschnitt-2"} <= targets
    assert "https://www.gesetze-im-internet.de/aufenthg_2004/__25b.html" in targets
    assert not any("javascript" in target.lower() for target in targets)


def test_text_survives_literally(rendered: dict[str, Path]) -> None:
    document = _open(rendered["docx"])
    text = "\n".join(p.text for p in document.paragraphs)
    for literal in (
        "Name: ____________________ Datum: __________",
        "__________________________________",
        "<script>alert(1)</script> und {{ x }}",
        'Typst-Syntax: #import "x", $x$, @ref, <label>, // comment, *bold*',
        "Ärger, Öl, Übung, größer",
        "„Привет“",
        "Zeile eins mit hartem Umbruch\nZeile zwei\nZeile drei",
        'return "<b>nicht fett</b>"',
    ):
        assert literal in text


def test_package_has_no_clock_or_random_ids(rendered: dict[str, Path]) -> None:
    with zipfile.ZipFile(rendered["docx"]) as package:
        names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in package.infolist())
        assert "docProps/thumbnail.jpeg" not in names
        assert b"rsid" not in package.read("word/document.xml")


def test_arabic_paragraphs_and_tables_are_right_to_left(rendered_ar: dict[str, Path]) -> None:
    document = _open(rendered_ar["docx"])
    assert document.paragraphs
    for paragraph in document.paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
    assert document.tables[0]._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:bidi")) == "ar"


def test_logo_goes_into_the_header(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png())
    meta = DocMeta("Logo", date=DATE, logo=logo)
    (path,) = render_markdown("# Logo\n", tmp_path / "doc", ["docx"], meta)
    header = _open(path).sections[0].header
    assert header._element.xpath(".//pic:pic")


def test_reference_docx_styles_are_used_and_its_body_dropped(tmp_path: Path) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Liberation Serif"
    template.add_paragraph("Text der Vorlage")
    reference = tmp_path / "vorlage.docx"
    template.save(str(reference))
    meta = DocMeta("Mit Vorlage", date=DATE, reference_docx=reference)
    (path,) = render_markdown("# Titel\n\nInhalt\n", tmp_path / "doc", ["docx"], meta)
    document = _open(path)
    assert document.styles["Normal"].font.name == "Liberation Serif"
    assert [p.text for p in document.paragraphs] == ["Titel", "Inhalt"]
