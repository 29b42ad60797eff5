"""Fonts: the families every format asks for, and the font files Typst uses to set the PDF.

The PDF is set only with fonts shipped as Python packages (plus the fonts compiled into Typst,
e.g. DejaVu Sans Mono for code and as fallback for ☐/☒), so it looks the same on every machine.
HTML, DOCX and ODT name the same families and leave the choice to the reader's system.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans
import fontpkg_noto_sans_arabic
import typst

BODY_FONT = "Noto Sans"
"""Body and heading font (Latin, Greek, Cyrillic)."""
ARABIC_FONT = "Noto Sans Arabic"
"""Font for Arabic script (Arabic, Persian); used as fallback after BODY_FONT."""
MONO_FONT = "DejaVu Sans Mono"
"""Font for code; compiled into Typst, common on Linux, substituted elsewhere."""


def font_dirs() -> tuple[Path, ...]:
    """Folders holding the Noto font files (variable TrueType fonts)."""
    return (
        Path(fontpkg_noto_sans.ROOT) / "files",
        Path(fontpkg_noto_sans_arabic.ROOT) / "files",
    )


@lru_cache(maxsize=1)
def typst_fonts() -> typst.Fonts:
    """The font set for Typst, loaded once per process: our Noto fonts plus Typst's embedded fonts."""
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=True,
        font_paths=[str(path) for path in font_dirs()],
    )
