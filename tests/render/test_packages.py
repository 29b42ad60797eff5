"""DOCX/ODT packages: written from a base prepared once per process, with the markup the libraries write."""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import odfdo
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from replicate.errors import RenderError
from replicate.render import DocMeta, render_markdown
from replicate.render.docx import _core, _run_content, to_docx
from replicate.render.docx_setup import _docx_base, _docx_package, build_docx_base
from replicate.render.odt import _meta_xml, _odt_base, _odt_package, build_odt_base, formatted, to_odt
from replicate.render.tree import parse
from replicate.render.zipfix import Entry, normalize_zip_bytes, write_zip
from tests.render.conftest import DATE, FOOTER, png

LISTS = "# B\n\n2. zwei\n3. drei\n\n- [x] erledigt\n\n[Ziel](ziel.md)\n"
TEXT = st.text(alphabet=' \t\nab<&>"ä', max_size=30)


def _meta(title: str = "Dokument", date: datetime.date = DATE) -> DocMeta:
    return DocMeta(title, footer=FOOTER, date=date)


def _clear_caches() -> None:
    _docx_base.cache_clear()
    _docx_package.cache_clear()
    _odt_base.cache_clear()
    _odt_package.cache_clear()


def _parts(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    return {entry.name: entry for entry in entries}


KIT_LANGUAGES = ["de", "en", "ar", "fa", "ru", "uk", "fr", "tr", "ku", "ps", "ti", "so", "de-AT"]


@pytest.mark.parametrize("lang", KIT_LANGUAGES)
def test_a_language_variant_is_the_package_the_libraries_write_for_it(lang: str, tmp_path: Path) -> None:
    """Bases are prepared once per footer, logo and reference document (DOCX; ODT: and direction),
    languages derived from them: every part, and the core properties / meta.xml of a document, are
    those of a base prepared for ``lang``."""
    logo, reference = tmp_path / "logo.png", tmp_path / "vorlage.docx"
    logo.write_bytes(png())
    template = docx.Document()
    template.add_paragraph("Text der Vorlage")
    template.save(str(reference))
    meta = DocMeta("Titel", lang=lang, footer=FOOTER, date=DATE)
    _clear_caches()
    for logo_key, reference_key in ((None, None), ((str(logo), 0, 0), (str(reference), 0, 0))):
        derived = _docx_base(lang, FOOTER, logo_key, reference_key)
        built, _ = build_docx_base(FOOTER, logo_key, reference_key, lang)
        assert _parts(derived.static) == _parts(built.static)
        assert replace(derived, static=(), core=b"") == replace(built, static=(), core=b"")
        assert _core(derived, meta) == _core(built, meta)
        odt_derived, odt_built = _odt_base(lang, FOOTER, logo_key), build_odt_base(lang, FOOTER, logo_key)
        assert _parts(odt_derived.static) == _parts(odt_built.static)
        assert odt_derived.content_head == odt_built.content_head
        assert odt_derived.content_tail == odt_built.content_tail
        assert _meta_xml(odt_derived, meta) == _meta_xml(odt_built, meta)


def test_write_zip_is_a_valid_deterministic_container() -> None:
    entries = [Entry.make("b.xml", b"<b/>" * 100), Entry.make("mimetype", b"x/y"), Entry.make("d/", b"")]
    data = write_zip([*entries, Entry.make("[Content_Types].xml", b"<Types/>")])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        assert package.namelist() == ["mimetype", "[Content_Types].xml", "b.xml", "d/"]
        infos = package.infolist()
        assert infos[0].compress_type == zipfile.ZIP_STORED
        assert infos[2].compress_type == zipfile.ZIP_DEFLATED
        assert package.read("b.xml") == b"<b/>" * 100
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in infos)
        assert {info.external_attr >> 16 for info in infos} == {0o100644, 0o040755}
    assert normalize_zip_bytes(data) == data


def test_a_cached_base_leaks_nothing_between_documents() -> None:
    """Numbering restarts and hyperlinks belong to one document: the same bytes with a cold cache."""
    tree = parse("1. eins\n\n[x](https://example.org)\n")
    _clear_caches()
    cold = to_docx(tree, _meta()), to_odt(tree, _meta())
    to_docx(parse(LISTS * 3), _meta("Anderes")), to_odt(parse(LISTS * 3), _meta("Anderes"))
    assert (to_docx(tree, _meta()), to_odt(tree, _meta())) == cold


def test_title_and_date_are_per_document_while_the_base_is_shared(tmp_path: Path) -> None:
    later = datetime.date(2027, 3, 1)
    for title, date in (("Erstes", DATE), ("Zweites <&>", later)):
        docx_path, odt_path = render_markdown(
            LISTS, tmp_path / title[:5], ["docx", "odt"], _meta(title, date)
        )
        props = docx.Document(str(docx_path)).core_properties
        assert props.title == title
        assert props.created.date() == props.modified.date() == date
        info = odfdo.Document(str(odt_path)).meta
        assert info.get_title() == title
        assert info.get_creation_date().date() == info.get_modification_date().date() == date


def test_ordered_lists_restart_and_hyperlinks_are_shared_per_target(tmp_path: Path) -> None:
    (path,) = render_markdown(
        LISTS + "\n1. eins\n\n[noch einmal](ziel.md)\n", tmp_path / "d", ["docx"], _meta()
    )
    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    starts = []
    for paragraph in document.paragraphs:
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is not None:
            override = numbering.num_having_numId(num_pr.numId.val).find(qn("w:lvlOverride"))
            starts.append(int(override.find(qn("w:startOverride")).get(qn("w:val"))))
    assert starts == [2, 2, 1]
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert targets == ["ziel.docx"]


def test_image_inside_a_link_is_no_nested_hyperlink(tmp_path: Path) -> None:
    (path,) = render_markdown("[![Logo](bild.png) Text](ziel.md)\n", tmp_path / "d", ["docx"], _meta())
    body = docx.Document(str(path)).element.body
    assert not body.xpath(".//w:hyperlink//w:hyperlink")
    assert not [link for link in body.xpath(".//w:hyperlink") if len(link) == 0]
    assert "".join(body.xpath(".//w:t/text()")) == "Logo Text"


def test_reference_docx_is_read_again_when_it_changes(tmp_path: Path) -> None:
    reference = tmp_path / "vorlage.docx"
    for font in ("Liberation Serif", "DejaVu Serif Condensed"):
        template = docx.Document()
        template.styles["Normal"].font.name = font
        template.save(str(reference))
        meta = DocMeta("Vorlage", date=DATE, reference_docx=reference)
        (path,) = render_markdown("Text\n", tmp_path / "doc", ["docx"], meta)
        assert docx.Document(str(path)).styles["Normal"].font.name == font


def test_characters_xml_cannot_carry_are_a_render_error(tmp_path: Path) -> None:
    for fmt in ("docx", "odt"):
        with pytest.raises(RenderError, match=r"U\+000B ist in XML nicht erlaubt"):
            render_markdown("Text \x0b mit Steuerzeichen\n", tmp_path / "d", [fmt], _meta())


def test_code_keeps_spaces_tabs_and_lines(tmp_path: Path) -> None:
    code = "```\nwenn x:\n\tzurück  1\n```\n"
    docx_path, odt_path = render_markdown(code, tmp_path / "d", ["docx", "odt"], _meta())
    (paragraph,) = docx.Document(str(docx_path)).paragraphs
    assert paragraph.text == "wenn x:\n\tzurück  1"
    assert odfdo.Document(str(odt_path)).body.get_paragraph().text_recursive == "wenn x:\n\tzurück  1"


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_run_content_is_what_python_docx_writes(text: str) -> None:
    run = etree.tostring(docx.Document().add_paragraph().add_run(text)._r, encoding="unicode")
    inner = "" if run.endswith("/>") and "</w:r>" not in run else run.split(">", 1)[1].removesuffix("</w:r>")
    assert _run_content(text) == inner


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_formatted_text_is_what_odfdo_writes(text: str) -> None:
    paragraph = odfdo.Paragraph(text).serialize()
    inner = paragraph.removeprefix("<text:p>").removesuffix("</text:p>")
    assert formatted(text) == ("" if inner == "<text:p/>" else inner)
