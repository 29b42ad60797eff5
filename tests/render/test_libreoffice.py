"""LibreOffice opens our DOCX and ODT: one headless conversion to PDF, headings survive."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests import helpers_office
from tests.helpers_office import INSTALL_HINT, convert_with_libreoffice, pdf_text
from tests.render.conftest import NBSP

HEADINGS = ["Beratung zum Bleiberecht", "Rechtsgrundlagen", "Voraussetzungen nach § 25b AufenthG", "Fristen"]


@pytest.mark.libreoffice
def test_docx_and_odt_convert_with_their_headings(
    rendered: dict[str, Path], rendered_ar: dict[str, Path], tmp_path: Path
) -> None:
    staged: dict[Path, list[str]] = {}
    for docs, headings in ((rendered, HEADINGS), (rendered_ar, ["مرحبا بكم"])):
        for fmt in ("docx", "odt"):
            copy = tmp_path / "in" / f"{docs[fmt].stem}-{fmt}.{fmt}"  # distinct stems, one PDF each
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(docs[fmt], copy)
            staged[copy] = headings
    pdfs = convert_with_libreoffice(list(staged), tmp_path / "out")
    for pdf, headings in zip(pdfs, staged.values(), strict=True):
        text = pdf_text(pdf).replace(NBSP, " ")  # "§ 25b" is set with a no-break space
        for heading in headings:
            assert heading in text, f"{pdf.name}: {heading!r} missing"


def test_missing_tools_fail_with_install_hint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(helpers_office.shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match=re.escape(f"soffice not found: {INSTALL_HINT}")):
        convert_with_libreoffice([tmp_path / "a.docx"], tmp_path)
    with pytest.raises(pytest.fail.Exception, match="pdftotext not found"):
        pdf_text(tmp_path / "a.pdf")


def test_inputs_with_the_same_stem_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="share a stem"):
        convert_with_libreoffice([tmp_path / "brief.docx", tmp_path / "brief.odt"], tmp_path)
