"""DOCX document setup: template, house style, page, footer, header logo and fixed metadata.

The content itself is written by :mod:`replicate.render.docx`.
"""

from __future__ import annotations

import datetime
import io
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

from replicate.render.fonts import ARABIC_FONT, BODY_FONT, MONO_FONT
from replicate.render.meta import DocMeta

A4 = (Twips(11906), Twips(16838))
MARGIN = Cm(2.5)
_BIDI_SUCCESSORS = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_W = nsdecls("w")
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def word_lang(meta: DocMeta) -> str:
    """Language tag for ``w:lang`` (Word wants a region: ``de`` → ``de-DE``)."""
    return {"de": "de-DE"}.get(meta.lang, meta.lang)


def set_bidi(paragraph: Any) -> None:
    """Mark a paragraph as right-to-left (``<w:bidi/>``)."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert_element_before(parse_xml(f"<w:bidi {_W}/>"), *_BIDI_SUCCESSORS)


@lru_cache(maxsize=8)
def _template_bytes(path: str, mtime_ns: int, size: int) -> bytes:
    """The bytes of a reference document (cached per path and version, read once per run)."""
    return Path(path).read_bytes()


def open_document(meta: DocMeta) -> Any:
    """A new, empty document: from ``meta.reference_docx`` (body removed) or python-docx's default."""
    if meta.reference_docx is None:
        document = docx.Document()
        _house_style(document)
    else:
        stat = meta.reference_docx.stat()
        data = _template_bytes(str(meta.reference_docx.resolve()), stat.st_mtime_ns, stat.st_size)
        document = docx.Document(io.BytesIO(data))
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
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
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
