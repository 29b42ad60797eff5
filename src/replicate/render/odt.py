"""ODT: write the syntax tree with odfdo into LibreOffice's standard styles (see :mod:`.odt_styles`).

Headings are ``text:h`` with outline levels, lists ``text:list`` (ordered lists carry their start
number), tables have a header row, the footer shows ``meta.footer`` and "Seite X von Y".
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

from docx.image.image import Image
from markdown_it.tree import SyntaxTreeNode
from odfdo import (
    Document,
    Element,
    Frame,
    Header,
    LineBreak,
    Link,
    List,
    ListItem,
    Paragraph,
    Span,
    Tab,
    VarPageCount,
    VarPageNumber,
)

from replicate.render.meta import DocMeta
from replicate.render.odt_styles import (
    BULLETS,
    NO_MARKER,
    NUMBERS,
    TABLE,
    TABLE_CELL,
    cell_style,
    install_styles,
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
from replicate.render.zipfix import normalize_zip_bytes

_SPANS = {"strong": "Strong_20_Emphasis", "em": "Emphasis", "s": "Strikethrough"}


def _append_text(element: Any, text: str) -> None:
    """Append plain text; like HTML, runs of white space read as one space."""
    Element.append(element, text)


def _inline(element: Any, node: SyntaxTreeNode) -> None:
    """Append the children of an inline node to a paragraph, heading, span or link."""
    for child in node.children:
        kind = child.type
        if kind == "text":
            _append_text(element, child.content)
        elif kind == "softbreak":
            _append_text(element, " ")
        elif kind == "hardbreak":
            element.append(LineBreak())
        elif kind == "code_inline":
            element.append(Span(child.content, style="Source_20_Text"))
        elif kind in _SPANS:
            span = Span(style=_SPANS[kind])
            _inline(span, child)
            element.append(span)
        elif kind in ("link", "image"):
            href = str(child.attrs.get("href", "")) if kind == "link" else str(child.attrs.get("src", ""))
            link = Link(
                rewrite_href(href, ".odt"), style="Internet_20_link", visited_style="Internet_20_link"
            )
            if kind == "link":
                _inline(link, child)
            else:
                _append_text(link, plain_text(child))
            element.append(link)
        else:
            _inline(element, child)


class _Writer:
    """Appends blocks to the document body, a list item or a table cell."""

    def __init__(self) -> None:
        self.tables = 0

    def blocks(self, parent: Any, node: SyntaxTreeNode, quote: bool = False) -> None:
        for child in node.children:
            self.block(parent, child, quote)

    def block(self, parent: Any, node: SyntaxTreeNode, quote: bool, style: str = "Text_20_body") -> None:
        kind = node.type
        if kind == "paragraph":
            paragraph = Paragraph(style="Quotations" if quote else style)
            _inline(paragraph, node.children[0])
            parent.append(paragraph)
        elif kind == "heading":
            level = heading_level(node)
            header = Header(level)
            header.style = f"Heading_20_{level}"
            _inline(header, node.children[0])
            parent.append(header)
        elif kind in ("bullet_list", "ordered_list"):
            parent.append(self.list(node, quote))
        elif kind == "table":
            parent.append(self.table(node))
        elif kind == "blockquote":
            self.blocks(parent, node, quote=True)
        elif kind == "hr":
            parent.append(Paragraph(style="Horizontal_20_Line"))
        elif kind in ("fence", "code_block"):
            parent.append(Paragraph(code_text(node), style="Preformatted_20_Text"))
        else:
            parent.append(Paragraph(plain_text(node), style=style))

    def list(self, node: SyntaxTreeNode, quote: bool) -> Any:
        ordered = node.type == "ordered_list"
        style = NUMBERS if ordered else NO_MARKER if is_task_list(node) else BULLETS
        element = List(style=style)
        for index, item in enumerate(node.children):
            list_item = ListItem()
            if ordered and index == 0:
                list_item.set_attribute("text:start-value", str(list_start(node)))
            for child in item.children:
                self.block(list_item, child, quote, style="List_20_Contents")
            element.append(list_item)
        return element

    def table(self, node: SyntaxTreeNode) -> Any:
        self.tables += 1
        rows = table_rows(node)
        table = Element.from_tag("table:table")
        table.set_attribute("table:name", f"Tabelle{self.tables}")
        table.set_attribute("table:style-name", TABLE)
        column = Element.from_tag("table:table-column")
        column.set_attribute("table:number-columns-repeated", str(len(rows[0])))
        table.append(column)
        header_rows = Element.from_tag("table:table-header-rows")
        table.append(header_rows)
        for r, row in enumerate(rows):
            row_element = Element.from_tag("table:table-row")
            for cell in row:
                cell_element = Element.from_tag("table:table-cell")
                cell_element.set_attribute("table:style-name", TABLE_CELL)
                cell_element.set_attribute("office:value-type", "string")
                paragraph = Paragraph(style=cell_style(r == 0, cell_align(cell)))
                if cell.children:
                    _inline(paragraph, cell.children[0])
                cell_element.append(paragraph)
                row_element.append(cell_element)
            (header_rows if r == 0 else table).append(row_element)
        return table


def _footer(meta: DocMeta) -> Any:
    paragraph = Paragraph(meta.footer, style="Footer")
    paragraph.append(Tab())
    _append_text(paragraph, "Seite ")
    paragraph.append(VarPageNumber(select_page="current"))
    _append_text(paragraph, " von ")
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
    """The logo, 1.2 cm high; python-docx's image header reader supplies the aspect ratio."""
    image = Image.from_file(str(logo))
    height = 1.2
    width = height * image.px_width / image.px_height
    url = document.add_file(logo)
    return Frame.image_frame(url, name="Logo", size=(f"{width:.3f}cm", f"{height}cm"), anchor_type="as-char")


def _metadata(document: Any, meta: DocMeta) -> None:
    """Title, language, generator and fixed dates (``meta.date`` at 00:00), never the clock."""
    stamp = datetime.datetime.combine(meta.date, datetime.time(0, 0))
    info = document.meta
    info.set_title(meta.title)
    info.set_language(f"{meta.language}-{meta.region}" if meta.region else meta.language)
    info.set_creation_date(stamp)
    info.set_modification_date(stamp)
    info.set_generator("replicate")
    info.set_initial_creator("replicate")
    info.set_editing_cycles(1)
    info.set_editing_duration(datetime.timedelta(0))
    statistic = info.get_element("//meta:document-statistic")
    if statistic is not None:  # the template's counts describe an empty page
        statistic.parent.delete(statistic)


def to_odt(tree: SyntaxTreeNode, meta: DocMeta) -> bytes:
    """The document as ODT bytes (deterministic zip)."""
    document = Document("text")
    install_styles(document, meta)
    _master_page(document, meta)
    body = document.body
    body.delete(body.get_element("text:p"))  # the template's empty first paragraph
    _Writer().blocks(body, tree)
    _metadata(document, meta)
    document.del_part("Thumbnails/thumbnail.png")  # the template's picture of an empty page
    document.manifest.del_full_path("Thumbnails/thumbnail.png")
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip_bytes(buffer.getvalue())
