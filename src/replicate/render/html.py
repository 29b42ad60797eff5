"""HTML: markdown-it's own renderer inside a standalone page without any external resource.

The page carries its CSS inline and forbids everything else with a Content-Security-Policy, so a kit
folder can be opened from disk or served as is. A kit's pages show the logo from one file beside them
(``DocMeta.logo_href``, relative, allowed by ``img-src 'self'``, which Chromium also grants to
``file:`` pages of the same folder tree); a page on its own embeds it as a ``data:`` URI.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from replicate.render.bidi import bdi_html
from replicate.render.meta import DocMeta
from replicate.render.tree import markdown_parser, rewrite_href

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Policy of a page on its own: only embedded images."""
CSP_LINKED_LOGO = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"
"""Policy of a kit page that shows the kit's logo file: images from the kit itself, nothing else."""

CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Noto Sans Arabic", system-ui, -apple-system, "Segoe UI", Roboto,
       "Helvetica Neue", Arial, sans-serif; font-size: 1rem; line-height: 1.55; color: #1a1a1a;
       background: #fff; max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
header.page { display: flex; justify-content: space-between; align-items: center; gap: 1rem;
              margin-bottom: 1.5rem; }
header.page img { max-height: 3.5rem; max-width: 12rem; }
nav { font-size: .9rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 .5em; }
h1 { font-size: 1.75rem; margin-top: 0; } h2 { font-size: 1.35rem; } h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; }
a { color: #0b4f8a; }
code, pre { font-family: "DejaVu Sans Mono", ui-monospace, Consolas, monospace; font-size: .9em; }
pre { background: #f4f4f4; padding: .75rem 1rem; overflow-x: auto; white-space: pre-wrap; }
blockquote { margin: 1em 0; padding: .1em 1em; border-inline-start: 4px solid #c8c8c8; color: #333; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #888; padding: .3em .6em; vertical-align: top; text-align: start; }
th { background: #eee; }
hr { border: 0; border-top: 1px solid #999; margin: 1.5em 0; }
li.task { list-style: none; }
ul:has(> li.task) { padding-inline-start: 1.2em; }
footer.page { margin-top: 3rem; padding-top: .5rem; border-top: 1px solid #ccc; font-size: .85rem;
              color: #555; }
@page { size: A4; margin: 2.5cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.3; }
  p, ul, ol { margin: .45em 0; }
  h1, h2, h3, h4 { margin: .9em 0 .35em; }
  header.page { margin-bottom: .75rem; }
  footer.page { margin-top: .75rem; }
  nav { display: none; }
  a { color: inherit; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, pre, blockquote { break-inside: avoid; }
}
"""


class _KitRenderer(RendererHTML):
    """markdown-it's HTML renderer, with links to ``*.md`` pointing at ``*.html``."""

    def link_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        href = rewrite_href(str(token.attrGet("href") or ""), ".html")
        return self.renderToken([token.copy(attrs={**token.attrs, "href": href})], 0, options, env)

    def text(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        """Escaped text; in right-to-left documents isolated left-to-right runs become ``<bdi>``."""
        out = escapeHtml(tokens[idx].content)
        return bdi_html(out) if env.get("rtl") else out

    def image(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        """Images are not embedded (the CSP allows only ``data:``): show the alt text as a link."""
        token = tokens[idx]
        src = escape(str(token.attrGet("src") or ""))
        alt = escape(self.renderInlineAsText(token.children or [], options, env))
        return f'<a href="{src}">{alt}</a>'


_RENDERER = _KitRenderer()


def _logo_img(meta: DocMeta) -> str:
    mime = meta.logo_type()
    if meta.logo is None or mime is None:
        return ""
    if meta.logo_href is not None:
        return f'<img src="{escape(meta.logo_href)}" alt="Logo">'
    data = base64.b64encode(meta.logo.read_bytes()).decode("ascii")
    return f'<img src="data:{mime};base64,{data}" alt="Logo">'


def body_html(tree: SyntaxTreeNode, *, rtl: bool = False) -> str:
    """The document body as an HTML fragment (``rtl``: isolates in the text become ``<bdi>``)."""
    md = markdown_parser()
    return str(_RENDERER.render(tree.to_tokens(), md.options, {"rtl": rtl}))


def to_html(tree: SyntaxTreeNode, meta: DocMeta, nav: str = "") -> bytes:
    """A complete UTF-8 HTML page. ``nav`` is trusted HTML produced by our own code."""
    logo = _logo_img(meta)
    header = f'<header class="page">{f"<nav>{nav}</nav>" if nav else "<span></span>"}{logo}</header>\n'
    footer = f'<footer class="page">{escape(meta.footer)}</footer>\n' if meta.footer else ""
    csp = CSP_LINKED_LOGO if logo and meta.logo_href is not None else CSP
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(meta.lang)}" dir="{meta.direction}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(meta.title)}</title>\n"
        f"<style>{CSS}</style>\n"
        "</head>\n"
        "<body>\n"
        f"{header if (nav or logo) else ''}"
        f"<main>\n{body_html(tree, rtl=meta.rtl)}</main>\n"
        f"{footer}"
        "</body>\n"
        "</html>\n"
    )
    return page.encode("utf-8")
