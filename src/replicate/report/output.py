"""Write the report documents in every format, with the charts inline in HTML and as vectors in the PDF.

The Markdown goes through the kit's renderers (:mod:`replicate.render`). Their HTML shows an image as a
link; here that link is replaced by the chart's inline SVG (no request, allowed by the page's CSP). The
PDF (tagged, PDF/UA-1) is compiled from the renderers' Typst source with each chart link replaced by the SVG image itself
(Typst embeds SVG as vector graphics, with the chart title as alternative text).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import typst

from replicate.errors import RenderError
from replicate.render import DocMeta, parse, render_markdown
from replicate.render.fonts import typst_fonts
from replicate.render.pdf import lit, typst_source


def _charts(folder: Path, markdown: str) -> list[tuple[str, str]]:
    """(relative SVG path, alt text) of every chart the Markdown shows."""
    out = []
    for line in markdown.splitlines():
        if line.startswith("![") and line.endswith(".svg)"):
            alt, src = line[2:-1].split("](", 1)
            if (folder / src).is_file():
                out.append((src, alt))
    return out


def write_document(markdown: str, stem: Path, formats: list[str], meta: DocMeta) -> list[Path]:
    """``stem.md`` plus each of ``formats``; charts referenced as ``diagramme/*.svg`` next to ``stem``."""
    folder = stem.parent
    stem.with_suffix(".md").write_text(markdown, encoding="utf-8")
    tree = parse(markdown)
    here = [f for f in formats if f != "pdf"]
    written = [stem.with_suffix(".md"), *render_markdown(markdown, stem, here, meta, tree=tree)]
    charts = _charts(folder, markdown)
    html = stem.with_suffix(".html")
    if "html" in formats and charts:
        page = html.read_text(encoding="utf-8")
        for src, alt in charts:
            link = f'<a href="{escape(src)}">{escape(alt)}</a>'
            svg = (folder / src).read_text(encoding="utf-8")
            page = page.replace(link, f"</p><figure>{svg}</figure><p>")
        html.write_text(page.replace("<p></p>", ""), encoding="utf-8")
    if "pdf" in formats:
        source = typst_source(tree, meta)
        for src, alt in charts:
            link = f"#link({lit(src)})[#{lit(alt)}]"
            image = f"#block(width: 100%)[#image({lit('/' + src)}, alt: {lit(alt)}, width: 100%)]"
            source = source.replace(link, image)
        pdf = stem.with_suffix(".pdf")
        try:
            compiler = typst.Compiler(
                font_paths=typst_fonts(), ignore_system_fonts=True, root=str(folder.resolve())
            )
            data = compiler.compile(input=source.encode("utf-8"), pdf_standards=["ua-1"])  # tagged, PDF/UA-1
        except Exception as exc:
            raise RenderError(f"{pdf.name} („{meta.title}“) konnte nicht erzeugt werden: {exc}") from exc
        if not isinstance(data, bytes):
            raise RenderError(f"{pdf.name}: Typst lieferte kein PDF")
        pdf.write_bytes(data)
        written.append(pdf)
    return written
