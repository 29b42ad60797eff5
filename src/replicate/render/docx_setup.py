"""DOCX document setup: template, house style, page, footer, header logo and fixed metadata.

python-docx prepares the package once per process, footer, logo and reference document; each
language gets its own ``styles.xml`` derived from it: :func:`docx_base` returns the package as a
:class:`DocxBase`, whose unchanging parts are already compressed. Per document,
:mod:`replicate.render.docx` only writes ``word/document.xml`` (between the base's head and tail),
its relationships (hyperlinks), ``numbering.xml`` (restarted lists) and the core properties (title,
language).
"""

from __future__ import annotations

import datetime
import io
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor, Twips
from lxml import etree  # type: ignore[import-untyped]

from replicate.render.fonts import ARABIC_FONT, BODY_FONT, MONO_FONT
from replicate.render.meta import DocMeta
from replicate.render.xmltext import file_key
from replicate.render.zipfix import Entry, read_entries

A4 = (Twips(11906), Twips(16838))
MARGIN = Cm(2.5)
_W = nsdecls("w")
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def word_lang(meta: DocMeta) -> str:
    """Language tag for ``w:lang`` (Word wants a region: ``de`` → ``de-DE``)."""
    return {"de": "de-DE"}.get(meta.lang, meta.lang)


def open_document(meta: DocMeta) -> Any:
    """A new, empty document: from ``meta.reference_docx`` (body removed) or python-docx's default.

    Called once per process and setting (see :func:`docx_base`), not per document."""
    if meta.reference_docx is None:
        document = docx.Document()
        _house_style(document)
    else:
        document = docx.Document(io.BytesIO(meta.reference_docx.read_bytes()))
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
    sect_pr = document.element.body.find(qn("w:sectPr"))
    for name in [name for name in sect_pr.attrib if "rsid" in name]:
        del sect_pr.attrib[name]  # revision ids of the template's last editing session
    _drop_unused_parts(document)
    _language(document, meta)
    _ensure_styles(document)
    return document


def _drop_unused_parts(document: Any) -> None:
    """Drop the template's thumbnail (a picture of an empty page, shown by file managers) and
    ``stylesWithEffects.xml`` (430 kB of Word 2010 compatibility data, rebuilt by Word on demand)."""
    for rels, reltype in (
        (document.part.package.rels, RT.THUMBNAIL),
        (document.part.rels, _STYLES_WITH_EFFECTS),
    ):
        for rid in [rid for rid, rel in rels.items() if rel.reltype == reltype]:
            rels.pop(rid)


def _house_style(document: Any) -> None:
    """Noto Sans 10.5 pt everywhere (Noto Sans Arabic for complex scripts); no theme fonts."""
    styles = document.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for attr, font in (
        ("ascii", BODY_FONT),
        ("hAnsi", BODY_FONT),
        ("eastAsia", BODY_FONT),
        ("cs", ARABIC_FONT),
    ):
        rfonts.set(qn(f"w:{attr}"), font)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), "21")


def _language(document: Any, meta: DocMeta) -> None:
    """Document language in the default run properties (spell checking, hyphenation)."""
    set_language(document.styles.element, meta)


def set_language(styles: Any, meta: DocMeta) -> None:
    """Set the language in the default run properties of ``styles`` (the root of ``styles.xml``).

    The only place of a prepared package that depends on the language besides the core properties,
    see :func:`docx_base`."""
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {_W}/>")
        rpr.append(lang)
    tag = word_lang(meta)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag if meta.rtl else "ar-SA")


def _ensure_styles(document: Any) -> None:
    """Add the styles we use that a reference document may lack (names as pandoc uses them)."""
    names = {style.name for style in document.styles}
    if "Source Code" not in names:
        style = document.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.name = MONO_FONT
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(6)
    if "Verbatim Char" not in names:
        style = document.styles.add_style("Verbatim Char", WD_STYLE_TYPE.CHARACTER)
        style.font.name = MONO_FONT
    if "Hyperlink" not in names:
        style = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor(0x0B, 0x4F, 0x8A)
        style.font.underline = True


def setup_page(document: Any, meta: DocMeta) -> None:
    """A4 portrait, 2.5 cm margins, footer with page numbers, optional logo in the header."""
    section = document.sections[0]
    section.page_width, section.page_height = A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = section.footer_distance = Cm(1.25)
    _footer(section, meta)
    if meta.logo is not None and meta.logo_type() in ("image/png", "image/jpeg"):
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run().add_picture(str(meta.logo), height=Cm(1.2))


def _field(paragraph: Any, instruction: str) -> None:
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {_W} w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )


def _footer(section: Any, meta: DocMeta) -> None:
    """``<footer text> → Seite X von Y`` (PAGE and NUMPAGES fields, right tab at the text edge)."""
    paragraph = section.footer.paragraphs[0]  # left to right even in RTL documents: German chrome
    text_width = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{meta.footer}\tSeite ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" von ")
    _field(paragraph, "NUMPAGES")
    for run in paragraph._p.iter(qn("w:r")):
        size = parse_xml(f'<w:rPr {_W}><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>')
        if run.find(qn("w:rPr")) is None:
            run.insert(0, size)


def set_core_properties(document: Any, meta: DocMeta) -> None:
    """Title, language, author and fixed dates (``meta.date`` at 00:00 UTC), never the clock."""
    props = document.core_properties
    stamp = datetime.datetime.combine(meta.date, datetime.time(0, 0))
    props.title = meta.title[:255]
    props.language = meta.lang
    props.author = props.last_modified_by = "replicate"
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = props.subject = props.keywords = props.category = ""


# the package prepared once ------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MARK = "replicate-insert-here"
_NUMBERED_STYLES = ("List Number", "List Number 2", "List Number 3")


@dataclass(frozen=True)
class DocxBase:
    """A prepared package: everything of a DOCX except the document's own content and title."""

    document_name: str
    document_head: str
    """``word/document.xml`` up to the body's content (which uses the prefixes ``w`` and ``r``)."""
    document_tail: str
    """From the body's ``w:sectPr`` (page, footer) to the end."""
    rels_name: str
    rels_head: str
    """The document's relationships without the closing ``</Relationships>``."""
    rel_ids: frozenset[str]
    numbering_name: str | None
    numbering_head: str
    """``numbering.xml`` up to where new ``w:num`` elements go (empty: no numbering part)."""
    numbering_tail: str
    num_ids: frozenset[int]
    list_numbering: Mapping[str, str]
    """Abstract numbering of the numbered list styles, by style name (styles without numbering absent)."""
    style_ids: Mapping[str, str]
    """Style id by style name."""
    block_width: int
    """Width of the text column in EMU (tables share it between their columns)."""
    core_name: str
    core: bytes
    """The core properties with every fixed field set; title and language are set per document."""
    static: tuple[Entry, ...]
    """Every other part, compressed once."""


def docx_base(meta: DocMeta) -> DocxBase:
    """The prepared package for ``meta`` (cached per language, footer, logo and reference document).

    python-docx prepares one package per footer, logo and reference document (:func:`_docx_package`,
    ~16 ms); each language is derived from it by setting the language in ``styles.xml`` (~5 ms),
    with the bytes python-docx would write for that language (``tests/render/test_packages.py``
    compares both ways). The language of the core properties is set per document, like the title.
    """
    return _docx_base(meta.lang, meta.footer, file_key(meta.logo), file_key(meta.reference_docx))


@lru_cache(maxsize=16)
def _docx_base(
    lang: str,
    footer: str,
    logo: tuple[str, int, int] | None,
    reference: tuple[str, int, int] | None,
) -> DocxBase:
    meta = DocMeta("x", lang=lang, footer=footer, date=datetime.date(1980, 1, 1))
    package = _docx_package(footer, logo, reference)
    styles = etree.fromstring(package.styles)
    set_language(styles, meta)
    xml = bytes(etree.tostring(styles, encoding="UTF-8", standalone=True))  # as python-docx writes it
    return replace(package.base, static=(*package.base.static, Entry.make(package.styles_name, xml)))


@dataclass(frozen=True)
class _DocxPackage:
    """A prepared package without language: ``base`` lacks ``styles.xml``, which is kept uncompressed."""

    base: DocxBase
    styles_name: str
    styles: bytes


def _mark(parent: Any, before: Any) -> None:
    """Insert the marker comment into ``parent`` before ``before`` (or at the end)."""
    comment = etree.Comment(_MARK)
    if before is None:
        parent.append(comment)
    else:
        before.addprevious(comment)


def _split(xml: bytes) -> tuple[str, str]:
    head, tail = xml.decode("utf-8").split(f"<!--{_MARK}-->")
    return head, tail


def _check_prefixes(element: Any, part: str) -> None:
    nsmap = element.nsmap
    if nsmap.get("w") != W_NS or nsmap.get("r", R_NS) != R_NS:
        raise ValueError(f"die DOCX-Vorlage verwendet in {part} unübliche XML-Präfixe")


@lru_cache(maxsize=8)
def _docx_package(
    footer: str,
    logo: tuple[str, int, int] | None,
    reference: tuple[str, int, int] | None,
) -> _DocxPackage:
    base, styles_name = build_docx_base(footer, logo, reference, "de")
    (styles,) = [entry for entry in base.static if entry.name == styles_name]
    return _DocxPackage(
        base=replace(base, static=tuple(entry for entry in base.static if entry.name != styles_name)),
        styles_name=styles_name,
        styles=zlib.decompress(styles.data, -15) if styles.deflated else styles.data,
    )


def build_docx_base(
    footer: str,
    logo: tuple[str, int, int] | None,
    reference: tuple[str, int, int] | None,
    lang: str,
) -> tuple[DocxBase, str]:
    """The package for one language prepared by python-docx, and the name of its styles part.

    :func:`docx_base` uses it once per footer, logo and reference document; the tests compare it
    with the language variants derived from that."""
    meta = DocMeta(
        "x",
        lang=lang,
        footer=footer,
        date=datetime.date(1980, 1, 1),
        logo=Path(logo[0]) if logo else None,
        reference_docx=Path(reference[0]) if reference else None,
    )
    document = open_document(meta)
    setup_page(document, meta)
    set_core_properties(document, meta)
    styles = document.styles
    style_ids = {style.name: style.style_id for style in styles}
    list_numbering: dict[str, str] = {}
    numbering = None
    for name in _NUMBERED_STYLES:
        ppr = styles[name].element.pPr if name in style_ids else None
        if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
            continue
        numbering = document.part.numbering_part.element
        found = numbering.xpath(f"./w:num[@w:numId='{ppr.numPr.numId.val}']/w:abstractNumId/@w:val")
        if found:
            list_numbering[name] = str(found[0])
    body = document.element.body
    _check_prefixes(document.element, "document.xml")
    _mark(body, body.find(qn("w:sectPr")))
    num_ids: frozenset[int] = frozenset()
    numbering_name = None
    if numbering is not None:
        _check_prefixes(numbering, "numbering.xml")
        num_ids = frozenset(int(value) for value in numbering.xpath("./w:num/@w:numId"))
        _mark(numbering, numbering.find(qn("w:numIdMacAtCleanup")))
        numbering_name = str(document.part.numbering_part.partname).lstrip("/")
    buffer = io.BytesIO()
    document.save(buffer)
    entries = read_entries(buffer.getvalue())
    document_name = str(document.part.partname).lstrip("/")
    folder, _, file = document_name.rpartition("/")
    rels_name = f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"
    core_name = str(document.part.package._core_properties_part.partname).lstrip("/")
    document_head, document_tail = _split(entries.pop(document_name))
    rels = entries.pop(rels_name).decode("utf-8")
    if not rels.endswith("</Relationships>"):
        raise ValueError(f"{rels_name}: unerwartetes Format")
    rels_head = rels.removesuffix("</Relationships>")
    numbering_head = numbering_tail = ""
    if numbering_name is not None:
        numbering_head, numbering_tail = _split(entries.pop(numbering_name))
    core = entries.pop(core_name)
    styles_name = str(document.part.part_related_by(RT.STYLES).partname).lstrip("/")
    base = DocxBase(
        document_name=document_name,
        document_head=document_head,
        document_tail=document_tail,
        rels_name=rels_name,
        rels_head=rels_head,
        rel_ids=frozenset(document.part.rels),
        numbering_name=numbering_name,
        numbering_head=numbering_head,
        numbering_tail=numbering_tail,
        num_ids=num_ids,
        list_numbering=list_numbering,
        style_ids=style_ids,
        block_width=int(document._block_width),
        core_name=core_name,
        core=core,
        static=tuple(Entry.make(name, content) for name, content in entries.items()),
    )
    return base, styles_name
