"""Turn every Markdown document of a rendered kit into the requested output formats."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from replicate.settings import Settings

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from replicate.render import DocMeta


PDF_THREADS: int | None = None
"""Threads that compile PDFs; ``None`` means up to four (one per core). ``replicate batch`` sets 1 in each
of its worker processes, which already use one core each."""


def document_title(markdown: str, fallback: str) -> str:
    """The text of the first level-1 heading, without Markdown escapes."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip().replace("\\", "")
    return fallback


def document_language(relative: Path, languages: list[str]) -> str:
    """German, except for client-facing documents under ``formulare/<lang>/`` of a translated language.

    ``languages`` are the client languages that have a catalog: the documents of a language without one are
    German text marked ``[DE]`` and so German documents (``lang="de"``, left to right).
    """
    parts = relative.parts
    if len(parts) > 2 and parts[0] == "formulare" and parts[1] in languages:
        return parts[1]
    return "de"


def kit_documents(kit_dir: Path) -> list[Path]:
    """Markdown sources of the kit, relative to ``kit_dir``, in a stable order (README first)."""
    found = sorted(
        p.relative_to(kit_dir)
        for p in kit_dir.rglob("*.md")
        if not p.relative_to(kit_dir).parts[0].startswith(".")
    )
    return sorted(found, key=lambda p: (p.as_posix() != "README.md", p.as_posix()))


def build_documents(
    settings: Settings,
    kit_dir: Path,
    progress: Callable[[str, int, int], None] | None = None,
    *,
    only: list[Path] | None = None,
) -> list[Path]:
    """Render every document; return the Markdown sources (relative paths).

    Each document is parsed once. PDFs are compiled by Typst in a small thread pool (Typst releases
    the GIL while it compiles, so the PDFs use the other cores meanwhile), the longest document
    first, so that no long compile is left running alone at the end; HTML, DOCX and ODT are written
    in this thread meanwhile, in the kit's order. The first error in any document is raised after
    all work has stopped; the caller discards the staging folder. ``only`` limits the work to some of the
    documents (an update rebuilds only what changed); all documents are returned either way.
    """
    from replicate import render  # heavy imports only when building
    from replicate.kit.logo import logo_href, write_logo

    logo_file = write_logo(settings, kit_dir)  # once for every HTML page; the packages embed it
    documents = kit_documents(kit_dir)
    formats = list(settings.kit.formats)
    here = [f for f in formats if f != "pdf"]
    stamp = settings.kit.reference_date
    footer = f"{settings.advice_service.project_name} · Stand der Rechtslage {stamp:%d.%m.%Y}"
    from replicate.forms.translate import has_catalog

    languages: list[str] = [lang for lang in settings.kit.client_languages if has_catalog(lang)]
    jobs: list[_Job] = []
    for relative in documents if only is None else [d for d in documents if d in set(only)]:
        markdown = (kit_dir / relative).read_text(encoding="utf-8")
        depth = len(relative.parts) - 1
        meta = render.DocMeta(
            title=document_title(markdown, relative.stem),
            lang=document_language(relative, languages),
            footer=footer,
            date=stamp,
            logo=settings.kit.logo,
            logo_href=None
            if logo_file is None
            else logo_href(logo_file.relative_to(kit_dir).as_posix(), relative),
            reference_docx=settings.kit.reference_docx,
        )
        nav = f'<a href="{"../" * depth}index.html">Übersicht des Kits</a>'
        jobs.append(_Job(relative, markdown, (kit_dir / relative).with_suffix(""), meta, nav))
    threads = PDF_THREADS or max(1, min(4, os.cpu_count() or 1))
    with _few_collections(), ThreadPoolExecutor(max_workers=threads) as pool:
        pdfs: list[Future[list[Path]]] = []
        try:
            if "pdf" in formats:  # longest first: its compile overlaps with all the others
                for job in sorted(jobs, key=lambda job: len(job.markdown), reverse=True):
                    job.tree = render.parse(job.markdown, rtl=job.meta.rtl)
                    pdfs.append(
                        pool.submit(
                            render.render_markdown, job.markdown, job.stem, ["pdf"], job.meta, tree=job.tree
                        )
                    )
            for number, job in enumerate(jobs, start=1):
                if progress:
                    progress(f"Dokument {job.relative.as_posix()}", number, len(jobs))
                if here:
                    render.render_markdown(job.markdown, job.stem, here, job.meta, nav=job.nav, tree=job.tree)
        except BaseException:
            for future in pdfs:
                future.cancel()
            raise
        for future in pdfs:
            future.result()
    return documents


@dataclass
class _Job:
    """One document to render: where it comes from and goes, its metadata and (once parsed) its tree."""

    relative: Path
    markdown: str
    stem: Path
    meta: DocMeta
    nav: str
    tree: SyntaxTreeNode | None = None


@contextmanager
def _few_collections() -> Iterator[None]:
    """Run the cyclic garbage collector rarely while the documents are built, then as before.

    Parsing and rendering allocate some 100 000 objects per kit that live until their document is
    done. With the default threshold (700) the collector runs some 500 times and finds nothing to
    free, and its full collections walk the whole heap (Copier, pydantic, lxml …): up to a third of
    this thread's time in a profile, time in which the PDF threads cannot start their next document
    either. Nothing is kept longer than one collection later: the syntax trees (cycles between parent
    and child nodes) are freed by the first collection after the build.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 50_000), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
