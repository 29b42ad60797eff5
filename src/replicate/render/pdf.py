"""PDF: generate Typst markup from the syntax tree and compile it in-process with typst-py.

Every piece of document text reaches Typst as a string literal (``#"…"``), never as markup, so
characters such as ``# * _ $ @ < > [ ] \\ / ~`` always print as themselves. Fonts come only from
the Noto font packages plus Typst's embedded fonts (see :mod:`replicate.render.fonts`).

Bold: the Noto fonts are variable fonts; Typst 0.15 instantiates their ``wght`` axis, so
``**fett**`` prints in a real bold weight (a test checks that bold text sets measurably wider).

Known limit: in the PDF's text layer (copy & paste, ``pdftotext``) Typst maps both glyphs of a
dotted Arabic letter (skeleton + dots) to that letter, so extraction shows it twice (``مرحببا``);
the printed page is correct.
"""

from __future__ import annotations

import typst
from markdown_it.tree import SyntaxTreeNode

from replicate.render.fonts import ARABIC_FONT, BODY_FONT, MONO_FONT, typst_fonts
from replicate.render.meta import DocMeta
from replicate.render.tree import (
    cell_align,
    code_text,
    heading_level,
    is_task_list,
    is_tight,
    list_start,
    plain_text,
    rewrite_href,
    table_rows,
)

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def lit(text: str) -> str:
    """``text`` as a Typst string literal."""
    return '"' + text.translate(_ESCAPES) + '"'


def _link(href: str, body: str) -> str:
    return f"#link({lit(href)})[{body}]" if href else body


def _inline(node: SyntaxTreeNode) -> str:
    """Typst markup for the children of an inline container."""
    out: list[str] = []
    for child in node.children:
        kind = child.type
        if kind == "text":
            if child.content:  # markdown-it leaves empty text nodes around emphasis delimiters
                out.append("#" + lit(child.content))
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("#linebreak()")
        elif kind == "code_inline":
            out.append(f"#raw({lit(child.content)})")
        elif kind == "strong":
            out.append(f"#strong[{_inline(child)}]")
        elif kind == "em":
            out.append(f"#emph[{_inline(child)}]")
        elif kind == "s":
            out.append(f"#strike[{_inline(child)}]")
        elif kind == "link":
            out.append(_link(rewrite_href(str(child.attrs.get("href", "")), ".pdf"), _inline(child)))
        elif kind == "image":
            out.append(_link(str(child.attrs.get("src", "")), "#" + lit(plain_text(child))))
        else:
            out.append(_inline(child))
    return "".join(out)


def _list(node: SyntaxTreeNode, depth: int) -> str:
    tight = is_tight(node)
    sep = "\n" if tight else "\n\n"
    items = ", ".join(
        "[" + sep.join(_block(block, depth + 1) for block in item.children) + "]" for item in node.children
    )
    args = f"tight: {'true' if tight else 'false'}"
    if node.type == "ordered_list":
        return f"#enum({args}, start: {list_start(node)}, {items})"
    if is_task_list(node):  # the ballot box is the marker; nested boxes still need an indent
        args += f", marker: [], body-indent: 0pt, indent: {'1em' if depth else '0pt'}"
    return f"#list({args}, {items})"


def _table(node: SyntaxTreeNode) -> str:
    rows = table_rows(node)
    header, body = rows[0], rows[1:]
    aligns = ", ".join(cell_align(cell) or "start" for cell in header)

    def cells(row: list[SyntaxTreeNode]) -> str:
        return ", ".join(f"[{_inline(cell.children[0]) if cell.children else ''}]" for cell in row)

    body_cells = "".join(", " + cells(row) for row in body)
    return f"#table(columns: {len(header)}, align: ({aligns},), table.header({cells(header)}){body_cells})"


def _block(node: SyntaxTreeNode, depth: int = 0) -> str:
    """Typst markup for one block; ``depth`` counts the lists around it."""
    kind = node.type
    if kind == "paragraph":
        return _inline(node.children[0])
    if kind == "heading":
        return f"#heading(level: {heading_level(node)})[{_inline(node.children[0])}]"
    if kind in ("bullet_list", "ordered_list"):
        return _list(node, depth)
    if kind == "table":
        return _table(node)
    if kind == "blockquote":
        return f"#block(inset: (left: 10pt, y: 2pt), stroke: (left: 2pt + luma(170)))[{_blocks(node, depth)}]"
    if kind == "hr":
        return "#line(length: 100%, stroke: 0.5pt + luma(150))"
    if kind in ("fence", "code_block"):
        return f"#raw(block: true, {lit(code_text(node))})"
    return "#" + lit(plain_text(node) or node.content)


def _blocks(node: SyntaxTreeNode, depth: int = 0) -> str:
    return "\n\n".join(_block(child, depth) for child in node.children)


def _preamble(meta: DocMeta, logo: str | None) -> str:
    region = f", region: {lit(meta.region)}" if meta.region else ""
    header = f"align(end, image({lit(logo)}, height: 1.2cm))" if logo else "none"
    footer = (
        "context { set text(size: 8pt, fill: luma(80), dir: ltr); "
        f"grid(columns: (1fr, auto), column-gutter: 1em, {lit(meta.footer)}, "
        "[Seite #counter(page).display() von #counter(page).final().first()]) }"
    )
    return "\n".join(
        [
            f'#set document(title: {lit(meta.title)}, author: "replicate", date: none)',
            f'#set page(paper: "a4", margin: 2.5cm, header: {header}, footer: {footer})',
            f"#set text(font: ({lit(BODY_FONT)}, {lit(ARABIC_FONT)}), size: 10.5pt, "
            f"lang: {lit(meta.language)}{region}, dir: {meta.direction}, hyphenate: true)",
            "#set par(spacing: 0.9em)",
            "#show heading: set block(above: 1.5em, below: 0.8em)",
            "#show heading.where(level: 1): set text(size: 17pt)",
            "#show heading.where(level: 2): set text(size: 13.5pt)",
            "#show heading.where(level: 3): set text(size: 11.5pt)",
            "#show heading.where(level: 4): set text(size: 10.5pt)",
            '#show link: it => underline(text(fill: rgb("#0b4f8a"), it))',
            f"#show raw: set text(font: {lit(MONO_FONT)}, size: 9pt)",
            "#show raw.where(block: true): block.with(fill: luma(244), inset: 6pt, width: 100%)",
            "#set table(stroke: 0.5pt + luma(110), inset: 5pt)",
            '#show table.cell.where(y: 0): set text(weight: "bold")',
            "",
        ]
    )


def typst_source(tree: SyntaxTreeNode, meta: DocMeta, logo: str | None = None) -> str:
    """The complete Typst document; ``logo`` is the logo's path relative to the compile root."""
    return _preamble(meta, logo) + "\n" + _blocks(tree) + "\n"


def to_pdf(tree: SyntaxTreeNode, meta: DocMeta) -> bytes:
    """Compile the document to PDF bytes. Raises ``typst.TypstError`` with Typst's message on failure."""
    meta.logo_type()  # rejects unknown logo formats with a clear message
    root = str(meta.logo.resolve().parent) if meta.logo else None
    logo = "/" + meta.logo.name if meta.logo else None
    source = typst_source(tree, meta, logo)
    compiler = typst.Compiler(font_paths=typst_fonts(), ignore_system_fonts=True, root=root)
    pdf = compiler.compile(input=source.encode("utf-8"))
    if not isinstance(pdf, bytes):  # only multi-page PNG/SVG output returns a list
        raise TypeError("Typst returned no PDF")
    return pdf
