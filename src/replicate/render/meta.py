"""What every renderer needs to know about a document besides its Markdown: title, language, footer, date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from replicate.languages import is_rtl

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
"""Logo formats we accept, by file suffix."""


@dataclass(frozen=True)
class DocMeta:
    """Metadata of one document, identical for all output formats.

    ``date`` is keyword-only (it has no default but follows fields that have one):
    ``DocMeta("Titel", date=datetime.date(2026, 11, 25))``.
    """

    title: str
    """Document title: HTML ``<title>``, DOCX/ODT core title, PDF title."""
    lang: str = "de"
    """BCP-47 language tag; ``ar`` and ``fa`` (and other RTL languages) are written right to left."""
    footer: str = ""
    """Short text for every page footer, e.g. ``Kit Perspektive Bleiberecht Musterstadt · Stand 25.11.2026``.

    The footer line is always set left to right (its "Seite X von Y" is German), even in RTL documents.
    """
    date: datetime.date = field(kw_only=True)
    """Fixed document date used for metadata. Never derived from the clock, so renders are reproducible."""
    logo: Path | None = None
    """Optional PNG/JPG/SVG shown in the page header (SVG: HTML and PDF only)."""
    logo_href: str | None = None
    """HTML only: relative address of the logo file written once beside the pages (a kit's
    ``bilder/logo.png``, seen from this page); None embeds the logo in the page as a ``data:`` URI.
    DOCX, ODT and PDF are self-contained packages and always embed the logo."""
    reference_docx: Path | None = None
    """Optional Word template whose styles are used for DOCX instead of ours."""

    @property
    def language(self) -> str:
        """Primary language subtag, lower case (``de`` for ``de-DE``)."""
        return self.lang.split("-")[0].lower()

    @property
    def region(self) -> str | None:
        """Region subtag, upper case (``DE`` for ``de-DE``), or None."""
        for part in self.lang.split("-")[1:]:
            if len(part) == 2 and part.isalpha():
                return part.upper()
        return None

    @property
    def rtl(self) -> bool:
        """True when the document's language is written right to left."""
        return is_rtl(self.language)  # CLDR's character order, via Babel

    @property
    def direction(self) -> str:
        """``rtl`` or ``ltr``, as used by HTML's ``dir`` attribute."""
        return "rtl" if self.rtl else "ltr"

    @property
    def created(self) -> datetime.datetime:
        """``date`` at 00:00 UTC, the timestamp written into document metadata."""
        return datetime.datetime.combine(self.date, datetime.time(0, 0), tzinfo=datetime.UTC)

    def logo_type(self) -> str | None:
        """MIME type of the logo, or None when there is no logo. Raises ValueError for unknown formats."""
        if self.logo is None:
            return None
        mime = IMAGE_TYPES.get(self.logo.suffix.lower())
        if mime is None:
            allowed = ", ".join(sorted(IMAGE_TYPES))
            raise ValueError(f"Logo {self.logo.name}: unbekanntes Bildformat (erlaubt: {allowed})")
        return mime
