"""ODT: write the syntax tree into LibreOffice's standard styles (see :mod:`.odt_styles`).

Headings are ``text:h`` with outline levels, lists ``text:list`` (ordered lists carry their start
number), tables have a header row, the footer shows ``meta.footer`` and "Seite X von Y".

odfdo prepares the package once per process, writing direction, footer and logo: styles, master
page, manifest; each language gets its own ``styles.xml`` derived from it. Per document only
``content.xml`` (its body written as XML text, the markup odfdo would write) and ``meta.xml``
(title, language, date) are new; the other parts are compressed once.
"""

from __future__ import annotations

import datetime
import io
import re
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from markdown_it.tree import SyntaxTreeNode
from odfdo import Document, Element, Frame, Paragraph, Tab, VarPageCount, VarPageNumber

from replicate.imagesize import image_size
from replicate.render.meta import DocMeta
from replicate.render.odt_styles import (
    BULLETS,
    NO_MARKER,
    NUMBERS,
    TABLE,
    TABLE_CELL,
    cell_style,
    install_styles,
    set_language,
)
from replicate.render.tree import (
    cell_align,
    code_text,
    heading_level,
    is_task_list,
    list_start,
    plain_text,
    rewrite_href,
    table_rows,
)
from replicate.render.xmltext import check_xml_chars, escape_attr, escape_text, file_key
from replicate.render.zipfix import Entry, read_entries, write_zip

_SPANS = {"strong": "Strong_20_Emphasis", "em": "Emphasis", "s": "Strikethrough"}
_SPACES = re.compile(r"( +)")
_MULTI_SPACE = re.compile(r" +")
_TABS_BREAKS = re.compile(r"(\n|\t)")
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"
_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_CREATION_DATE = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}creation-date"
_LINK = (
    '<text:a xlink:href="{}" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">'
)


def _spacer(count: int) -> str:
    return "<text:s/>" if count < 2 else f'<text:s text:c="{count}"/>'


def _plain(text: str) -> str:
    return "".join(
        "<text:line-break/>" if part == "\n" else "<text:tab/>" if part == "\t" else escape_text(part)
        for part in _TABS_BREAKS.split(text)
        if part
    )


def formatted(text: str) -> str:
    """``text`` as ODF paragraph content that keeps its white space, as odfdo writes it: runs of
    spaces become ``text:s`` (inside the text after one literal space), tabs ``text:tab`` and line
    ends ``text:line-break``."""
    pieces = [piece for piece in _SPACES.split(text) if piece]
    last = len(pieces) - 1
    xml: list[str] = []
    for index, piece in enumerate(pieces):
        if piece[0] != " ":
            xml.append(_plain(piece))
        elif index in (0, last):
            xml.append(_spacer(len(piece)))
        elif len(piece) > 1:
            xml.append(" " + _spacer(len(piece) - 1))
        else:
            xml.append(" ")
    return "".join(xml)


class _Writer:
    """Writes the body of one document as ODF XML text."""

    def __init__(self) -> None:
        self.tables = 0
        self.out: list[str] = []
        self.pending: list[str] = []

    # text: like odfdo, plain text appended to one place reads runs of spaces as one space --------
    def text(self, text: str) -> None:
        self.pending.append(text)

    def emit(self, xml: str) -> None:
        if self.pending:
            self.flush()
        self.out.append(xml)

    def flush(self) -> None:
        self.out.append(escape_text(_MULTI_SPACE.sub(" ", "".join(self.pending))))
        self.pending.clear()

    # inline -------------------------------------------------------------------------------------
    def inline(self, node: SyntaxTreeNode) -> None:
        """Append the children of an inline node to a paragraph, heading, span or link."""
        for child in node.children:
            kind = child.type
            if kind == "text":
                self.text(child.content)
            elif kind == "softbreak":
                self.text(" ")
            elif kind == "hardbreak":
                self.emit("<text:line-break/>")
            elif kind == "code_inline":
                self.emit(
                    f'<text:span text:style-name="Source_20_Text">{formatted(child.content)}</text:span>'
                )
            elif kind in _SPANS:
                self.emit(f'<text:span text:style-name="{_SPANS[kind]}">')
                self.inline(child)
                self.emit("</text:span>")
            elif kind in ("link", "image"):
                href = str(child.attrs.get("href", "")) if kind == "link" else str(child.attrs.get("src", ""))
                self.emit(_LINK.format(escape_attr(rewrite_href(href, ".odt"))))
                if kind == "link":
                    self.inline(child)
                else:
                    self.text(plain_text(child))
                self.emit("</text:a>")
            else:
                self.inline(child)

    def paragraph(self, style: str, inline: SyntaxTreeNode | None, text: str = "") -> None:
        self.emit(f'<text:p text:style-name="{style}">')
        if inline is not None:
            self.inline(inline)
        else:
            self.out.append(formatted(text))
        self.emit("</text:p>")

    # blocks -------------------------------------------------------------------------------------
    def blocks(self, node: SyntaxTreeNode, quote: bool = False) -> None:
        for child in node.children:
            self.block(child, quote)

    def block(self, node: SyntaxTreeNode, quote: bool, style: str = "Text_20_body") -> None:
        kind = node.type
        if kind == "paragraph":
            self.paragraph("Quotations" if quote else style, node.children[0])
        elif kind == "heading":
            level = heading_level(node)
            self.emit(f'<text:h text:outline-level="{level}" text:style-name="Heading_20_{level}">')
            self.inline(node.children[0])
            self.emit("</text:h>")
        elif kind in ("bullet_list", "ordered_list"):
            self.list(node, quote)
        elif kind == "table":
            self.table(node)
        elif kind == "blockquote":
            self.blocks(node, quote=True)
        elif kind == "hr":
            self.paragraph("Horizontal_20_Line", None)
        elif kind in ("fence", "code_block"):
            self.paragraph("Preformatted_20_Text", None, code_text(node))
        else:
            self.paragraph(style, None, plain_text(node))

    def list(self, node: SyntaxTreeNode, quote: bool) -> None:
        ordered = node.type == "ordered_list"
        style = NUMBERS if ordered else NO_MARKER if is_task_list(node) else BULLETS
        self.emit(f'<text:list text:style-name="{style}">')
        for index, item in enumerate(node.children):
            if ordered and index == 0:
                self.emit(f'<text:list-item text:start-value="{list_start(node)}">')
            else:
                self.emit("<text:list-item>")
            for child in item.children:
                self.block(child, quote, style="List_20_Contents")
            self.emit("</text:list-item>")
        self.emit("</text:list>")

    def table(self, node: SyntaxTreeNode) -> None:
        self.tables += 1
        rows = table_rows(node)
        self.emit(
            f'<table:table table:name="Tabelle{self.tables}" table:style-name="{TABLE}">'
            f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
            "<table:table-header-rows>"
        )
        cell_open = f'<table:table-cell table:style-name="{TABLE_CELL}" office:value-type="string">'
        for r, row in enumerate(rows):
            self.emit("<table:table-row>")
            for cell in row:
                self.emit(cell_open)
                style = cell_style(r == 0, cell_align(cell))
                self.paragraph(style, cell.children[0] if cell.children else None)
                self.emit("</table:table-cell>")
            self.emit("</table:table-row></table:table-header-rows>" if r == 0 else "</table:table-row>")
        self.emit("</table:table>")


def _footer(meta: DocMeta) -> Any:
    paragraph = Paragraph(meta.footer, style="Footer")
    paragraph.append(Tab())
    Element.append(paragraph, "Seite ")
    paragraph.append(VarPageNumber(select_page="current"))
    Element.append(paragraph, " von ")
    paragraph.append(VarPageCount())
    return paragraph


def _master_page(document: Any, meta: DocMeta) -> None:
    """Footer (and logo header) on the standard master page."""
    master = document.styles.get_element("//style:master-page")
    footer = Element.from_tag("style:footer")
    footer.append(_footer(meta))
    if meta.logo is not None and meta.logo_type() in ("image/png", "image/jpeg"):
        header = Element.from_tag("style:header")
        header.append(Paragraph(style="Header"))
        header.children[0].append(_logo_frame(document, meta.logo))
        master.append(header)
    master.append(footer)


def _logo_frame(document: Any, logo: Path) -> Any:
    """The logo, 1.2 cm high, with the aspect ratio read from the image header."""
    width_px, height_px = image_size(logo) or (1, 1)
    height = 1.2
    width = height * width_px / max(height_px, 1)
    url = document.add_file(logo)
    return Frame.image_frame(url, name="Logo", size=(f"{width:.3f}cm", f"{height}cm"), anchor_type="as-char")


def _odf_language(meta: DocMeta) -> str:
    """The document language for ``meta.xml``: ``de``, ``de-AT`` …"""
    return f"{meta.language}-{meta.region}" if meta.region else meta.language


def _metadata(document: Any, meta: DocMeta) -> None:
    """Title, language, generator and fixed dates (``meta.date`` at 00:00), never the clock."""
    stamp = datetime.datetime.combine(meta.date, datetime.time(0, 0))
    info = document.meta
    info.set_title(meta.title)
    info.set_language(_odf_language(meta))
    info.set_creation_date(stamp)
    info.set_modification_date(stamp)
    info.set_generator("replicate")
    info.set_initial_creator("replicate")
    info.set_editing_cycles(1)
    info.set_editing_duration(datetime.timedelta(0))
    statistic = info.get_element("//meta:document-statistic")
    if statistic is not None:  # the template's counts describe an empty page
        statistic.parent.delete(statistic)


@dataclass(frozen=True)
class _OdtBase:
    """A prepared package: everything of an ODT except the document's content and title."""

    content_head: str
    """``content.xml`` up to the body's content (fonts, automatic styles, sequence declarations)."""
    content_tail: str
    meta: bytes
    """``meta.xml`` with every fixed field set; title, language and dates are set per document."""
    static: tuple[Entry, ...]


_MARK = "replicate-insert-here"


@lru_cache(maxsize=16)
def _odt_base(lang: str, footer: str, logo: tuple[str, int, int] | None) -> _OdtBase:
    """The prepared package for a language, footer and logo.

    odfdo prepares one package per writing direction, footer and logo (:func:`build_odt_base`,
    ~8 ms); each language is derived from it by setting the language of the default style in
    ``styles.xml`` (~1 ms), with the bytes odfdo would write for that language
    (``tests/render/test_packages.py`` compares both ways). ``meta.xml`` gets its language per
    document, like the title.
    """
    meta = DocMeta("x", lang=lang, date=datetime.date(1980, 1, 1))
    package = _odt_package(meta.rtl, footer, logo)
    styles = etree.fromstring(package.styles)
    set_language(styles, meta)
    xml = _XML_DECLARATION + str(etree.tostring(styles, encoding="unicode")).encode("utf-8")
    return replace(package.base, static=(*package.base.static, Entry.make("styles.xml", xml)))


@dataclass(frozen=True)
class _OdtPackage:
    """A prepared package of one writing direction; ``base`` lacks ``styles.xml``, kept uncompressed."""

    base: _OdtBase
    styles: bytes


@lru_cache(maxsize=8)
def _odt_package(rtl: bool, footer: str, logo: tuple[str, int, int] | None) -> _OdtPackage:
    base = build_odt_base("ar" if rtl else "de", footer, logo)
    (styles,) = [entry for entry in base.static if entry.name == "styles.xml"]
    return _OdtPackage(
        base=replace(base, static=tuple(entry for entry in base.static if entry.name != "styles.xml")),
        styles=zlib.decompress(styles.data, -15),
    )


def build_odt_base(lang: str, footer: str, logo: tuple[str, int, int] | None) -> _OdtBase:
    """The package for one language as odfdo prepares it (the tests compare it with the derived one)."""
    meta = DocMeta(
        "x", lang=lang, footer=footer, date=datetime.date(1980, 1, 1), logo=Path(logo[0]) if logo else None
    )
    document = Document("text")
    install_styles(document, meta)
    _master_page(document, meta)
    body = document.body
    body.delete(body.get_element("text:p"))  # the template's empty first paragraph
    body.append(Paragraph(_MARK))
    _metadata(document, meta)
    document.del_part("Thumbnails/thumbnail.png")  # the template's picture of an empty page
    document.manifest.del_full_path("Thumbnails/thumbnail.png")
    buffer = io.BytesIO()
    document.save(buffer)
    entries = read_entries(buffer.getvalue())
    head, tail = entries.pop("content.xml").decode("utf-8").split(f"<text:p>{_MARK}</text:p>")
    return _OdtBase(
        content_head=head,
        content_tail=tail,
        meta=entries.pop("meta.xml"),
        static=tuple(Entry.make(name, content) for name, content in entries.items()),
    )


def _meta_xml(base: _OdtBase, meta: DocMeta) -> bytes:
    """The base's ``meta.xml`` with this document's title, language and date."""
    root = etree.fromstring(base.meta)
    stamp = meta.date.isoformat() + "T00:00:00"
    for element in root.iter(_DC_TITLE, _DC_DATE, _CREATION_DATE):
        element.text = meta.title if element.tag == _DC_TITLE else stamp
    language = root.find(f".//{_DC_LANGUAGE}")
    if language is None:
        raise ValueError("meta.xml: keine Sprache")
    language.text = _odf_language(meta)
    xml = str(etree.tostring(root, encoding="unicode"))
    return _XML_DECLARATION + xml.encode("utf-8")


def to_odt(tree: SyntaxTreeNode, meta: DocMeta) -> bytes:
    """The document as ODT bytes (deterministic zip)."""
    meta.logo_type()  # rejects unknown logo formats with a clear message
    base = _odt_base(meta.lang, meta.footer, file_key(meta.logo))
    writer = _Writer()
    writer.blocks(tree)
    body = "".join(writer.out)
    check_xml_chars(body)
    content = (base.content_head + body + base.content_tail).encode("utf-8")
    return write_zip(
        [*base.static, Entry.make("content.xml", content), Entry.make("meta.xml", _meta_xml(base, meta))]
    )
