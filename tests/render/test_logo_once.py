"""A logo is written once for all HTML pages and embedded in every DOCX, ODT and PDF package.

A 1 MB logo must not add 1 MB to every web page of a kit (issue 9, item 7): the pages link one file
beside them, while DOCX, ODT and PDF are self-contained and carry their own copy.
"""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

from replicate.render import FORMATS, DocMeta, render_markdown
from replicate.render.html import CSP, CSP_LINKED_LOGO
from tests.render.conftest import DATE

MARKDOWN = "# Kooperationsvereinbarung\n\nLandkreis Görlitz und Caritasverband, § 25b AufenthG.\n"


def noisy_png(side: int = 990, seed: int = 1) -> bytes:
    """A grey PNG of random pixels (does not compress: the file is about ``side``² bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    noise = random.Random(seed)
    rows = b"".join(b"\x00" + noise.randbytes(side) for _ in range(side))
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _sizes(folder: Path, meta: DocMeta) -> dict[str, int]:
    folder.mkdir()
    written = render_markdown(MARKDOWN, folder / "vereinbarung", FORMATS, meta)
    return {path.suffix[1:]: path.stat().st_size for path in written}


def test_one_megabyte_logo_grows_each_package_but_not_a_linked_page(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(noisy_png())
    size = logo.stat().st_size
    assert 900_000 < size < 1_000_000  # just under the 1 MB the settings accept
    plain = _sizes(tmp_path / "ohne", DocMeta("Vereinbarung", date=DATE))
    linked = _sizes(
        tmp_path / "mit", DocMeta("Vereinbarung", date=DATE, logo=logo, logo_href="../bilder/logo.png")
    )
    for fmt in ("docx", "odt", "pdf"):
        growth = linked[fmt] - plain[fmt]
        assert 0.9 * size < growth < 1.2 * size, (fmt, growth)
    assert linked["html"] - plain["html"] < 200  # an <img> element and the policy, not the picture


def test_linked_logo_page_allows_only_its_own_images(tmp_path: Path) -> None:
    logo = tmp_path / "wappen.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"/>', encoding="utf-8")
    meta = DocMeta("Seite", date=DATE, logo=logo, logo_href='../bilder/logo.svg"><script>')
    (page,) = render_markdown(MARKDOWN, tmp_path / "seite", ["html"], meta)
    html = page.read_text(encoding="utf-8")
    assert f'content="{CSP_LINKED_LOGO}"' in html and "img-src 'self'" in CSP_LINKED_LOGO
    assert "data:" not in html
    assert '<img src="../bilder/logo.svg&quot;&gt;&lt;script&gt;" alt="Logo">' in html
    (alone,) = render_markdown(MARKDOWN, tmp_path / "allein", ["html"], DocMeta("Seite", date=DATE))
    assert f'content="{CSP}"' in alone.read_text(encoding="utf-8")
