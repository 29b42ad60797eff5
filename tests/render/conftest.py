"""Fixtures: the rich sample rendered once per session into every format (German and Arabic)."""

from __future__ import annotations

import datetime
import struct
import zlib
from pathlib import Path

import pytest

from replicate.render import FORMATS, DocMeta, render_markdown

SAMPLE = Path(__file__).with_name("sample.md")
DATE = datetime.date(2026, 11, 25)
FOOTER = "Kit Perspektive Bleiberecht Musterstadt · Stand 25.11.2026"
NAV = '<a href="index.html">Übersicht</a>'
NBSP = "\u00a0"
SECTION_HEADING = f"Voraussetzungen nach §{NBSP}25b AufenthG"
"""The sample's third heading: the space after "§" is a no-break space in every format."""
ARABIC = """# مرحبا بكم

مرحبا بالعالم. سلام.

- واحد
- اثنان

| الاسم | التاريخ |
|---|---|
| سلام | ٢٠٢٦ |
"""


def png(width: int = 4, height: int = 2) -> bytes:
    """A tiny valid grey PNG, made without an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def render_all(markdown: str, folder: Path, meta: DocMeta, stem: str = "beratung") -> dict[str, Path]:
    """Render into ``folder`` in every format; map format → path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = render_markdown(markdown, folder / stem, FORMATS, meta, nav=NAV)
    return {path.suffix[1:]: path for path in paths}


@pytest.fixture(scope="session")
def sample_markdown() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def meta() -> DocMeta:
    return DocMeta("Beratung zum Bleiberecht", footer=FOOTER, date=DATE)


@pytest.fixture(scope="session")
def rendered(
    tmp_path_factory: pytest.TempPathFactory, sample_markdown: str, meta: DocMeta
) -> dict[str, Path]:
    return render_all(sample_markdown, tmp_path_factory.mktemp("de"), meta)


@pytest.fixture(scope="session")
def rendered_ar(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    meta = DocMeta("مرحبا", lang="ar", footer=FOOTER, date=DATE)
    return render_all(ARABIC, tmp_path_factory.mktemp("ar"), meta, stem="arabisch")
