"""Check documents with real office software: LibreOffice (headless) converts, poppler reads PDFs.

These tools are Debian packages, not Python ones. A missing tool fails the test (it is not
skipped), with a message saying how to install it.
"""

from __future__ import annotations

import atexit
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

INSTALL_HINT = "install libreoffice-writer-nogui and poppler-utils (bash .ci/run does)"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: {INSTALL_HINT}", pytrace=False)
    return path


@lru_cache(maxsize=1)
def _profile_dir() -> Path:
    """A fresh LibreOffice user profile for this test process, so parallel runs never share one."""
    path = Path(tempfile.mkdtemp(prefix="replicate-lo-profile-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def convert_with_libreoffice(paths: list[Path], outdir: Path) -> list[Path]:
    """Convert documents (DOCX, ODT …) to PDF in ONE LibreOffice run; return ``outdir/<stem>.pdf`` per input.

    Inputs must have distinct stems (LibreOffice names each PDF after its input's stem): copy
    ``brief.docx`` and ``brief.odt`` to ``brief-docx.docx`` and ``brief-odt.odt`` first. Fails the
    test if LibreOffice exits non-zero or a PDF is missing.
    """
    stems = [path.stem for path in paths]
    duplicates = sorted({stem for stem in stems if stems.count(stem) > 1})
    if duplicates:
        raise ValueError(f"inputs share a stem, their PDFs would overwrite each other: {duplicates}")
    soffice = _tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    command = [
        soffice,
        f"-env:UserInstallation={_profile_dir().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *(str(path) for path in paths),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    pdfs = [outdir / f"{path.stem}.pdf" for path in paths]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    if result.returncode != 0 or missing:
        pytest.fail(
            f"LibreOffice conversion failed (exit {result.returncode}, missing {missing}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return pdfs


def pdf_text(path: Path) -> str:
    """The text of a PDF (``pdftotext``), normalised for ``in`` checks.

    Words hyphenated at a line end (soft hyphen) are joined again and every run of white space
    becomes one space, so phrases can be found regardless of where the lines broke.
    """
    result = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"pdftotext failed on {path.name}: {result.stderr}", pytrace=False)
    text = re.sub("\u00ad\\s*", "", result.stdout)
    return " ".join(text.split())
