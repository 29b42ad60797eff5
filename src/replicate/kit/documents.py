"""Turn every Markdown document of a rendered kit into the requested output formats."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from replicate.settings import Settings


def document_title(markdown: str, fallback: str) -> str:
    """The text of the first level-1 heading, without Markdown escapes."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip().replace("\\", "")
    return fallback


def document_language(relative: Path, languages: list[str]) -> str:
    """German, except for client-facing documents under ``formulare/<lang>/``."""
    parts = relative.parts
    if len(parts) > 2 and parts[0] == "formulare" and parts[1] in languages:
        return parts[1]
    return "de"


def kit_documents(kit_dir: Path) -> list[Path]:
    """Markdown sources of the kit, relative to ``kit_dir``, in a stable order (README first)."""
    found = sorted(p.relative_to(kit_dir) for p in kit_dir.rglob("*.md"))
    return sorted(found, key=lambda p: (p.as_posix() != "README.md", p.as_posix()))


def build_documents(
    settings: Settings, kit_dir: Path, progress: Callable[[str, int, int], None] | None = None
) -> list[Path]:
    """Render every document; return the Markdown sources (relative paths).

    HTML, DOCX and ODT are written in this thread; PDFs are compiled by Typst in a small thread pool
    (Typst releases the GIL while it compiles, so the PDFs use the other cores meanwhile). The first
    error in any document is raised after all work has stopped; the caller discards the staging folder.
    """
    from replicate.render import DocMeta, render_markdown  # heavy imports only when building

    documents = kit_documents(kit_dir)
    formats = list(settings.kit.formats)
    here = [f for f in formats if f != "pdf"]
    stamp = settings.kit.reference_date
    footer = f"{settings.advice_service.project_name} · Stand der Rechtslage {stamp:%d.%m.%Y}"
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        pdfs: list[Future[list[Path]]] = []
        try:
            for number, relative in enumerate(documents, start=1):
                if progress:
                    progress(f"Dokument {relative.as_posix()}", number, len(documents))
                source = kit_dir / relative
                markdown = source.read_text(encoding="utf-8")
                depth = len(relative.parts) - 1
                nav = f'<a href="{"../" * depth}index.html">Übersicht des Kits</a>'
                meta = DocMeta(
                    title=document_title(markdown, relative.stem),
                    lang=document_language(relative, list(settings.kit.client_languages)),
                    footer=footer,
                    date=stamp,
                    logo=settings.kit.logo,
                    reference_docx=settings.kit.reference_docx,
                )
                stem = source.with_suffix("")
                if "pdf" in formats:
                    pdfs.append(pool.submit(render_markdown, markdown, stem, ["pdf"], meta, nav=nav))
                if here:
                    render_markdown(markdown, stem, here, meta, nav=nav)
        except BaseException:
            for future in pdfs:
                future.cancel()
            raise
        for future in pdfs:
            future.result()
    return documents
