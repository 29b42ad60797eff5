"""DOCX: write the syntax tree with python-docx, using Word's built-in styles.

Headings use "Heading 1…6", lists "List Bullet", "List Number", "List Bullet 2" … (three levels,
deeper levels stay at 3), further paragraphs of a list item "List Continue", task lists (☐/☒)
"List Continue" without bullets, quotes "Quote", code "Source Code", tables "Table Grid" with a
bold, repeating header row. Each ordered list restarts its numbering at its own start number.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from markdown_it.tree import SyntaxTreeNode

from replicate.render.docx_setup import open_document, set_bidi, set_core_properties, setup_page
from replicate.render.meta import DocMeta
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

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
_RULE = f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="999999"/></w:pBdr>'
_RULE_SUCCESSORS = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:bidi",
    "w:spacing",
    "w:ind",
    "w:jc",
    "w:rPr",
)


@dataclass(frozen=True)
class _Fmt:
    """Character formatting inherited by nested inline nodes."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False


class _Writer:
    """Appends blocks to a document (or a table cell) and runs to paragraphs."""

    def __init__(self, document: Any, meta: DocMeta) -> None:
        self.document = document
        self.rtl = meta.rtl
        self.style_ids: dict[str, str] = {style.name: style.style_id for style in document.styles}

    def style_id(self, name: str) -> str:
        """The id of the style called ``name`` (looked up once; python-docx's lookup is slow)."""
        try:
            return self.style_ids[name]
        except KeyError:
            raise ValueError(f"die DOCX-Vorlage hat keine Formatvorlage {name!r}") from None

    # blocks -------------------------------------------------------------------------------------
    def blocks(self, parent: Any, node: SyntaxTreeNode, depth: int = 0, quote: bool = False) -> None:
        for child in node.children:
            self.block(parent, child, depth, quote)

    def block(self, parent: Any, node: SyntaxTreeNode, depth: int, quote: bool) -> None:
        kind = node.type
        if kind == "paragraph":
            self.inline(self.paragraph(parent, "Quote" if quote else None), node.children[0])
        elif kind == "heading":
            self.inline(self.paragraph(parent, f"Heading {heading_level(node)}"), node.children[0])
        elif kind in ("bullet_list", "ordered_list"):
            self.list(parent, node, depth + 1, quote)
        elif kind == "table":
            self.table(parent, node)
        elif kind == "blockquote":
            self.blocks(parent, node, depth, quote=True)
        elif kind == "hr":
            ppr = self.paragraph(parent, None)._p.get_or_add_pPr()
            ppr.insert_element_before(parse_xml(_RULE), *_RULE_SUCCESSORS)
        elif kind in ("fence", "code_block"):
            self.paragraph(parent, "Source Code").add_run(code_text(node))
        else:
            self.paragraph(parent, None).add_run(plain_text(node))

    def paragraph(self, parent: Any, style: str | None) -> Any:
        paragraph = parent.add_paragraph()
        if style is not None:
            paragraph._p.style = self.style_id(style)
        if self.rtl:
            set_bidi(paragraph)
        return paragraph

    def list(self, parent: Any, node: SyntaxTreeNode, depth: int, quote: bool) -> None:
        level = "" if depth == 1 else f" {min(depth, 3)}"
        if is_task_list(node):
            style = f"List Continue{level}"
        else:
            style = ("List Number" if node.type == "ordered_list" else "List Bullet") + level
        num_id = self.restart_numbering(style, list_start(node)) if node.type == "ordered_list" else None
        for item in node.children:
            first = True
            for child in item.children:
                if child.type != "paragraph":
                    self.block(parent, child, depth, quote)
                    continue
                paragraph = self.paragraph(parent, style if first else f"List Continue{level}")
                if first and num_id is not None:
                    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                    num_pr.get_or_add_ilvl().val = 0
                    num_pr.get_or_add_numId().val = num_id
                self.inline(paragraph, child.children[0])
                first = False

    def restart_numbering(self, style_name: str, start: int) -> int | None:
        """A new numbering instance of the style's list, starting at ``start`` (None: style has no list)."""
        ppr = self.document.styles[style_name].element.pPr
        if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
            return None
        numbering = self.document.part.numbering_part.element
        abstract_id = numbering.num_having_numId(ppr.numPr.numId.val).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    def table(self, parent: Any, node: SyntaxTreeNode) -> None:
        rows = table_rows(node)
        table = parent.add_table(rows=len(rows), cols=len(rows[0]))
        table._tbl.tblStyle_val = self.style_id("Table Grid")
        if self.rtl:
            table._tbl.tblPr.append(parse_xml(f"<w:bidiVisual {nsdecls('w')}/>"))
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        for r, row in enumerate(rows):
            cells = table.rows[r].cells
            for c, cell in enumerate(row):
                paragraph = cells[c].paragraphs[0]
                if self.rtl:
                    set_bidi(paragraph)
                align = cell_align(cell)
                if align:
                    paragraph.alignment = _ALIGN[align]
                if cell.children:
                    self.inline(paragraph, cell.children[0], _Fmt(bold=r == 0))

    # inline -------------------------------------------------------------------------------------
    def inline(self, paragraph: Any, node: SyntaxTreeNode, fmt: _Fmt = _Fmt(), link: Any = None) -> None:
        for child in node.children:
            kind = child.type
            if kind == "text":
                if child.content:  # markdown-it leaves empty text nodes around emphasis delimiters
                    self.run(paragraph, child.content, fmt, link)
            elif kind == "code_inline":
                self.run(paragraph, child.content, replace(fmt, code=True), link)
            elif kind == "softbreak":
                self.run(paragraph, " ", fmt, link)
            elif kind == "hardbreak":
                self.run(paragraph, "", fmt, link).add_break()
            elif kind == "strong":
                self.inline(paragraph, child, replace(fmt, bold=True), link)
            elif kind == "em":
                self.inline(paragraph, child, replace(fmt, italic=True), link)
            elif kind == "s":
                self.inline(paragraph, child, replace(fmt, strike=True), link)
            elif kind == "link":
                href = rewrite_href(str(child.attrs.get("href", "")), ".docx")
                self.inline(paragraph, child, fmt, self.hyperlink(paragraph, href))
            elif kind == "image":
                self.run(
                    paragraph, plain_text(child), fmt, self.hyperlink(paragraph, str(child.attrs["src"]))
                )
            else:
                self.inline(paragraph, child, fmt, link)

    def run(self, paragraph: Any, text: str, fmt: _Fmt, link: Any) -> Any:
        run = paragraph.add_run(text)
        if fmt.bold:
            run.bold = True
        if fmt.italic:
            run.italic = True
        if fmt.strike:
            run.font.strike = True
        if fmt.code:
            run._r.style = self.style_id("Verbatim Char")
        elif link is not None:
            run._r.style = self.style_id("Hyperlink")
        if link is not None:
            link.append(run._r)
        return run

    def hyperlink(self, paragraph: Any, href: str) -> Any:
        """A ``<w:hyperlink>`` appended to the paragraph (runs are moved into it); None for no href."""
        if not href:
            return None
        element = OxmlElement("w:hyperlink")
        element.set(qn("r:id"), paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True))
        paragraph._p.append(element)
        return element


def to_docx(tree: SyntaxTreeNode, meta: DocMeta) -> bytes:
    """The document as DOCX bytes (deterministic zip)."""
    document = open_document(meta)
    setup_page(document, meta)
    _Writer(document, meta).blocks(document, tree)
    set_core_properties(document, meta)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip_bytes(buffer.getvalue())
