"""Render one Markdown source to HTML, DOCX, ODT and PDF, in-process and reproducibly.

The Markdown is parsed once (:mod:`.tree`); small renderers walk the same tree: :mod:`.html`
(markdown-it's HTML renderer in a standalone page), :mod:`.docx` and :mod:`.odt` (body XML written
as text into a package that python-docx resp. odfdo prepare once per process, see
:mod:`.docx_setup`) and :mod:`.pdf` (Typst markup compiled by typst-py). The same input always
gives byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import typst
from markdown_it.tree import SyntaxTreeNode

from replicate.errors import RenderError
from replicate.render.docx import to_docx
from replicate.render.html import to_html
from replicate.render.meta import DocMeta
from replicate.render.odt import to_odt
from replicate.render.pdf import to_pdf
from replicate.render.tree import parse

FORMATS = ("html", "docx", "odt", "pdf")
"""Every output format, in the order the kit lists them."""

_RENDERERS: dict[str, Callable[[SyntaxTreeNode, DocMeta], bytes]] = {
    "docx": to_docx,
    "odt": to_odt,
    "pdf": to_pdf,
}


def _message(exc: Exception) -> str:
    """Typst errors carry message and hints in attributes; everything else says it in ``str()``."""
    if isinstance(exc, typst.TypstError):
        hints = f" ({'; '.join(exc.hints)})" if exc.hints else ""
        return f"Typst: {exc.message}{hints}"
    return str(exc)


def render_markdown(
    markdown: str,
    dest_stem: Path,
    formats: Sequence[str],
    meta: DocMeta,
    *,
    nav: str = "",
    tree: SyntaxTreeNode | None = None,
) -> list[Path]:
    """Write ``dest_stem.with_suffix('.html'/'.docx'/'.odt'/'.pdf')`` for each requested format.

    ``nav`` is trusted HTML (made by our code, e.g. a link back to ``index.html``) shown at the
    top of the HTML page. ``tree`` is ``parse(markdown)`` when the caller has it already (e.g. to
    render some formats here and the PDF in another thread from one parse); the renderers only
    read it, so one tree may serve several threads at once. Returns the paths written, in the
    order of ``formats``. Raises :class:`~replicate.errors.RenderError` naming the document when a
    format cannot be produced.
    """
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        raise RenderError(
            f"{dest_stem.name}: unbekanntes Format {', '.join(unknown)} (möglich: {', '.join(FORMATS)})"
        )
    if tree is None:
        tree = parse(markdown, rtl=meta.rtl)
    written: list[Path] = []
    for fmt in formats:
        path = dest_stem.with_suffix(f".{fmt}")
        try:
            data = to_html(tree, meta, nav) if fmt == "html" else _RENDERERS[fmt](tree, meta)
            path.write_bytes(data)
        except Exception as exc:  # every failure becomes one plain message naming the document
            raise RenderError(
                f"{path.name} („{meta.title}“) konnte nicht erzeugt werden: {_message(exc)}"
            ) from exc
        written.append(path)
    return written


__all__ = ["FORMATS", "DocMeta", "parse", "render_markdown"]
