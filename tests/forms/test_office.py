"""The printable forms render to DOCX, ODT and PDF, and LibreOffice opens and converts them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from replicate.render import DocMeta, render_markdown
from tests.helpers_office import convert_with_libreoffice, pdf_text

DOCUMENTS = {
    "erstberatungsbogen.md": (
        "de",
        ["Erstberatungsbogen Perspektivberatung", "Aufenthaltsstatus und Aufenthaltszeiten"],
    ),
    "en/einwilligung.md": ("en", ["Consent to the processing of personal data", "What I consent to"]),
    "ru/schweigepflichtentbindung.md": ("ru", ["Освобождение от обязанности хранить тайну"]),
    # pdftotext cannot give Arabic runs back in order; the German note inside the Arabic form it can
    "ar/einwilligung.md": ("ar", ["Rechtlich verbindlich ist die deutsche Fassung"]),
}


@pytest.mark.libreoffice
def test_forms_render_and_convert_in_libreoffice(forms_dir: Path, tmp_path: Path) -> None:
    staged: list[Path] = []
    for number, (relative, (lang, _)) in enumerate(DOCUMENTS.items()):
        markdown = (forms_dir / relative).read_text(encoding="utf-8")
        title = markdown.splitlines()[0].lstrip("# ")
        stem = tmp_path / f"doc{number}"
        written = render_markdown(
            markdown,
            stem,
            ["docx", "odt", "pdf"],
            DocMeta(title=title, lang=lang, footer="Test", date=date(2026, 11, 25)),
        )
        assert [p.suffix for p in written] == [".docx", ".odt", ".pdf"]
        for path in written[:2]:
            staged.append(Path(shutil.copy(path, tmp_path / f"doc{number}-{path.suffix[1:]}{path.suffix}")))
        for heading in DOCUMENTS[relative][1][:1]:
            assert heading in pdf_text(written[2]), relative
    pdfs = convert_with_libreoffice(staged, tmp_path / "out")
    for pdf in pdfs:
        number = int(pdf.stem.split("-")[0].removeprefix("doc"))
        relative = list(DOCUMENTS)[number]
        text = pdf_text(pdf)
        for heading in DOCUMENTS[relative][1]:
            assert heading in text, (relative, pdf.name)
