"""The kit's DOCX and ODT open in a real client: LibreOffice converts each to PDF, headings survive."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers_office import convert_with_libreoffice, pdf_text


def _headings(markdown: str) -> list[str]:
    return [re.sub(r"[*_`\\]", "", m) for m in re.findall(r"^#{1,3} (.+)$", markdown, flags=re.M)]


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def _has_heading(heading: str, text: str) -> bool:
    """Latin and Cyrillic headings must appear verbatim (modulo spacing and hyphens). Arabic-script text
    cannot be compared that way: pdftotext returns presentation forms in visual order (LibreOffice) or
    doubled dotted letters (Typst), though the printed page is right; there we require Arabic text."""
    if ARABIC_SCRIPT.search(heading):
        return len(ARABIC_SCRIPT.findall(text)) >= len(ARABIC_SCRIPT.findall(heading)) // 2
    return _squash(heading) in _squash(text)


def _squash(text: str) -> str:
    """Compare words only: LibreOffice may break "§ 25a-Inhabers" after the hyphen, and pdftotext then
    joins the lines without it; spaces and no-break spaces vary the same way."""
    return re.sub(r"[\s\u00a0\-\u00ad]+", "", text)


@pytest.mark.libreoffice
def test_every_docx_and_odt_converts_with_headings(dresden_kit: Path, tmp_path: Path) -> None:
    staged: dict[Path, Path] = {}  # flat, unique copy -> Markdown source
    for source in sorted(dresden_kit.rglob("*.md")):
        flat = source.relative_to(dresden_kit).with_suffix("").as_posix().replace("/", "__")
        for suffix in (".docx", ".odt"):
            copy = tmp_path / "in" / f"{flat}-{suffix[1:]}{suffix}"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(source.with_suffix(suffix), copy)
            staged[copy] = source
    pdfs = convert_with_libreoffice(sorted(staged), tmp_path / "out")
    assert len(pdfs) == len(staged)
    for copy, source in staged.items():
        pdf = tmp_path / "out" / copy.with_suffix(".pdf").name
        text = pdf_text(pdf)
        for heading in _headings(source.read_text(encoding="utf-8")):
            assert _has_heading(heading, text), f"{copy.name}: heading {heading!r} missing"


def test_every_pdf_has_the_headings(dresden_kit: Path) -> None:
    for source in sorted(dresden_kit.rglob("*.md")):
        text = pdf_text(source.with_suffix(".pdf"))
        for heading in _headings(source.read_text(encoding="utf-8")):
            assert _has_heading(heading, text), f"{source.stem}.pdf: heading {heading!r} missing"
