"""DOCX: write the syntax tree as WordprocessingML into a package prepared once (:mod:`.docx_setup`).

Headings use "Heading 1…6", lists "List Bullet", "List Number", "List Bullet 2" … (three levels,
deeper levels stay at 3), further paragraphs of a list item "List Continue", task lists (☐/☒)
"List Continue" without bullets, quotes "Quote", code "Source Code", tables "Table Grid" with a
bold, repeating header row. Each ordered list restarts its numbering at its own start number.

The body is written as XML text (python-docx's object API costs ~20 µs per run); the markup is the
one python-docx would write, so the result reads the same in python-docx, Word and LibreOffice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree  # type: ignore[import-untyped]
from markdown_it.tree import SyntaxTreeNode

from replicate.render.docx_setup import DocxBase, docx_base
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
from replicate.render.xmltext import check_xml_chars, escape_attr, escape_text
from replicate.render.zipfix import Entry, write_zip

_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"
_CREATED = "{http://purl.org/dc/terms/}created"
_MODIFIED = "{http://purl.org/dc/terms/}modified"
_RULE = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="999999"/></w:pBdr>'
_SPECIAL = re.compile(r"[\t\r\n]")
_EMU_PER_TWIP = 635


def _t(text: str) -> str:
    """``w:t`` for text without tabs and breaks (``xml:space`` kept where white space would be lost)."""
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{escape_text(text)}</w:t>'
    return f"<w:t>{escape_text(text)}</w:t>"


def _run_content(text: str) -> str:
    """Run content for ``text``: ``w:t`` pieces, ``w:tab`` for tabs, ``w:br`` for line ends."""
    if _SPECIAL.search(text) is None:
        return _t(text) if text else ""
    parts: list[str] = []
    buffer: list[str] = []
    for char in text:
        if char in "\t\r\n":
            if buffer:
                parts.append(_t("".join(buffer)))
                buffer.clear()
            parts.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            buffer.append(char)
    if buffer:
        parts.append(_t("".join(buffer)))
    return "".join(parts)


@dataclass(frozen=True)
class _Fmt:
    """Character formatting inherited by nested inline nodes."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False


_PLAIN = _Fmt()
_BOLD = _Fmt(bold=True)


class _Writer:
    """Writes the body of one document as XML text, collecting its hyperlinks and list restarts."""

    def __init__(self, base: DocxBase, meta: DocMeta) -> None:
        self.base = base
        self.rtl = meta.rtl
        self.out: list[str] = []
        self.links: dict[str, str] = {}
        self.rel_ids = set(base.rel_ids)
        self.rels: list[str] = []
        self.num_ids = set(base.num_ids)
        self.nums: list[str] = []
        self.style_attrs: dict[str, str] = {}
        self.rpr_cache: dict[tuple[_Fmt, bool], str] = {}
        self.bidi = "<w:bidi/>" if self.rtl else ""

    def style_id(self, name: str) -> str:
        """The id of the style called ``name``, escaped for an attribute."""
        try:
            return self.style_attrs[name]
        except KeyError:
            pass
        try:
            style_id = self.base.style_ids[name]
        except KeyError:
            raise ValueError(f"die DOCX-Vorlage hat keine Formatvorlage {name!r}") from None
        self.style_attrs[name] = escape_attr(style_id)
        return self.style_attrs[name]

    # blocks -------------------------------------------------------------------------------------
    def blocks(self, node: SyntaxTreeNode, depth: int = 0, quote: bool = False) -> None:
        for child in node.children:
            self.block(child, depth, quote)

    def block(self, node: SyntaxTreeNode, depth: int, quote: bool) -> None:
        kind = node.type
        if kind == "paragraph":
            self.paragraph("Quote" if quote else None, node.children[0])
        elif kind == "heading":
            self.paragraph(f"Heading {heading_level(node)}", node.children[0])
        elif kind in ("bullet_list", "ordered_list"):
            self.list(node, depth + 1, quote)
        elif kind == "table":
            self.table(node)
        elif kind == "blockquote":
            self.blocks(node, depth, quote=True)
        elif kind == "hr":
            self.out.append(f"<w:p><w:pPr>{_RULE}{self.bidi}</w:pPr></w:p>")
        elif kind in ("fence", "code_block"):
            self.text_paragraph("Source Code", code_text(node))
        else:
            self.text_paragraph(None, plain_text(node))

    def p_open(self, style: str | None, extra: str = "", align: str | None = None) -> None:
        """``<w:p>`` with its properties: style, ``extra`` (numbering), bidi, alignment."""
        ppr = f'<w:pStyle w:val="{self.style_id(style)}"/>' if style is not None else ""
        ppr += extra + self.bidi
        if align is not None:
            ppr += f'<w:jc w:val="{align}"/>'
        self.out.append(f"<w:p><w:pPr>{ppr}</w:pPr>" if ppr else "<w:p>")

    def paragraph(self, style: str | None, inline: SyntaxTreeNode, extra: str = "") -> None:
        self.p_open(style, extra)
        self.inline(inline, _PLAIN, None)
        self.out.append("</w:p>")

    def text_paragraph(self, style: str | None, text: str) -> None:
        self.p_open(style)
        self.out.append(f"<w:r>{_run_content(text)}</w:r></w:p>")

    def list(self, node: SyntaxTreeNode, depth: int, quote: bool) -> None:
        level = "" if depth == 1 else f" {min(depth, 3)}"
        if is_task_list(node):
            style = f"List Continue{level}"
        else:
            style = ("List Number" if node.type == "ordered_list" else "List Bullet") + level
        num_pr = ""
        if node.type == "ordered_list":
            self.style_id(style)
            num_id = self.restart_numbering(style, list_start(node))
            if num_id is not None:
                num_pr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        for item in node.children:
            first = True
            for child in item.children:
                if child.type != "paragraph":
                    self.block(child, depth, quote)
                    continue
                if first:
                    self.paragraph(style, child.children[0], num_pr)
                else:
                    self.paragraph(f"List Continue{level}", child.children[0])
                first = False

    def restart_numbering(self, style_name: str, start: int) -> int | None:
        """A new numbering instance of the style's list, starting at ``start`` (None: style has no list)."""
        abstract_id = self.base.list_numbering.get(style_name)
        if abstract_id is None:
            return None
        num_id = 1
        while num_id in self.num_ids:
            num_id += 1
        self.num_ids.add(num_id)
        self.nums.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{escape_attr(abstract_id)}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        )
        return num_id

    def table(self, node: SyntaxTreeNode) -> None:
        rows = table_rows(node)
        cols = len(rows[0])
        twips = round((self.base.block_width // cols) / _EMU_PER_TWIP)
        bidi_visual = "<w:bidiVisual/>" if self.rtl else ""
        out = self.out
        out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_id("Table Grid")}"/>{bidi_visual}'
            '<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
            'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
            "<w:tblGrid>" + f'<w:gridCol w:w="{twips}"/>' * cols + "</w:tblGrid>"
        )
        cell_open = f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{twips}"/></w:tcPr>'
        for r, row in enumerate(rows):
            out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if r == 0 else "<w:tr>")
            for cell in row:
                out.append(cell_open)
                self.p_open(None, align=cell_align(cell))
                if cell.children:
                    self.inline(cell.children[0], _BOLD if r == 0 else _PLAIN, None)
                out.append("</w:p></w:tc>")
            for _ in range(cols - len(row)):  # markdown-it pads short rows; keep the grid whole anyway
                out.append(f"{cell_open}<w:p/></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")

    # inline -------------------------------------------------------------------------------------
    def inline(self, node: SyntaxTreeNode, fmt: _Fmt, link: str | None) -> None:
        for child in node.children:
            kind = child.type
            if kind == "text":
                if child.content:  # markdown-it leaves empty text nodes around emphasis delimiters
                    self.run(child.content, fmt, link)
            elif kind == "code_inline":
                self.run(child.content, replace(fmt, code=True), link)
            elif kind == "softbreak":
                self.run(" ", fmt, link)
            elif kind == "hardbreak":
                self.run("\n", fmt, link)
            elif kind == "strong":
                self.inline(child, replace(fmt, bold=True), link)
            elif kind == "em":
                self.inline(child, replace(fmt, italic=True), link)
            elif kind == "s":
                self.inline(child, replace(fmt, strike=True), link)
            elif kind == "link":
                rid = self.relate(rewrite_href(str(child.attrs.get("href", "")), ".docx"))
                if link is not None or rid is None:  # no nested hyperlinks in WordprocessingML
                    self.inline(child, fmt, link)
                else:
                    self.out.append(f'<w:hyperlink r:id="{rid}">')
                    self.inline(child, fmt, rid)
                    self.close_hyperlink(rid)
            elif kind == "image":
                rid = self.relate(str(child.attrs.get("src", "")))
                if link is not None:  # an image inside a link: its own hyperlink, not a nested one
                    self.close_hyperlink(link)
                if rid is not None:
                    self.out.append(f'<w:hyperlink r:id="{rid}">')
                self.run(plain_text(child), fmt, rid)
                if rid is not None:
                    self.out.append("</w:hyperlink>")
                if link is not None:
                    self.out.append(f'<w:hyperlink r:id="{link}">')
            else:
                self.inline(child, fmt, link)

    def close_hyperlink(self, rid: str) -> None:
        """Close the open ``w:hyperlink`` (or drop it if nothing was written into it)."""
        if self.out[-1] == f'<w:hyperlink r:id="{rid}">':
            self.out.pop()
        else:
            self.out.append("</w:hyperlink>")

    def rpr(self, fmt: _Fmt, link: bool) -> str:
        key = (fmt, link)
        cached = self.rpr_cache.get(key)
        if cached is None:
            props = ""
            if fmt.code:
                props = f'<w:rStyle w:val="{self.style_id("Verbatim Char")}"/>'
            elif link:
                props = f'<w:rStyle w:val="{self.style_id("Hyperlink")}"/>'
            if fmt.bold:
                props += "<w:b/>"
            if fmt.italic:
                props += "<w:i/>"
            if fmt.strike:
                props += "<w:strike/>"
            cached = self.rpr_cache[key] = f"<w:r><w:rPr>{props}</w:rPr>" if props else "<w:r>"
        return cached

    def run(self, text: str, fmt: _Fmt, link: str | None) -> None:
        self.out.append(f"{self.rpr(fmt, link is not None)}{_run_content(text)}</w:r>")

    def relate(self, href: str) -> str | None:
        """The relationship id of an external hyperlink to ``href`` (one per target); None for no href."""
        if not href:
            return None
        rid = self.links.get(href)
        if rid is None:
            number = 1
            while f"rId{number}" in self.rel_ids:
                number += 1
            rid = f"rId{number}"
            self.rel_ids.add(rid)
            self.links[href] = rid
            self.rels.append(
                f'<Relationship Id="{rid}" Type="{_HYPERLINK}" Target="{escape_attr(href)}" '
                'TargetMode="External"/>'
            )
        return rid


def _core(base: DocxBase, meta: DocMeta) -> bytes:
    """The base's core properties with this document's title, language and date."""
    root = etree.fromstring(base.core)
    title = root.find(_DC_TITLE)
    if title is None:
        raise ValueError("die DOCX-Vorlage hat keinen Titel in den Dokumenteigenschaften")
    title.text = meta.title[:255]
    language = root.find(_DC_LANGUAGE)
    if language is None:
        raise ValueError("die DOCX-Vorlage hat keine Sprache in den Dokumenteigenschaften")
    language.text = meta.lang
    stamp = meta.date.isoformat() + "T00:00:00Z"
    for element in root.iterchildren(_CREATED, _MODIFIED):
        element.text = stamp
    return bytes(etree.tostring(root, encoding="UTF-8", standalone=True))


def to_docx(tree: SyntaxTreeNode, meta: DocMeta) -> bytes:
    """The document as DOCX bytes (deterministic zip)."""
    base = docx_base(meta)
    writer = _Writer(base, meta)
    writer.blocks(tree)
    body = "".join(writer.out)
    check_xml_chars(body)
    entries = [
        *base.static,
        Entry.make(
            base.document_name,
            (base.document_head + body + base.document_tail).encode("utf-8"),
        ),
        Entry.make(base.rels_name, (base.rels_head + "".join(writer.rels) + "</Relationships>").encode()),
        Entry.make(base.core_name, _core(base, meta)),
    ]
    if base.numbering_name is not None:
        numbering = base.numbering_head + "".join(writer.nums) + base.numbering_tail
        entries.append(Entry.make(base.numbering_name, numbering.encode("utf-8")))
    return write_zip(entries)
