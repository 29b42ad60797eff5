"""The no-break space after "§" reaches every format, so that "§ 23a" never breaks across lines."""

from __future__ import annotations

from pathlib import Path

import docx
import odfdo

from replicate.render import DocMeta
from replicate.render.pdf import typst_source
from replicate.render.tree import parse
from tests.helpers_office import pdf_text
from tests.render.conftest import DATE, NBSP, render_all

MARKDOWN = "# Merkblatt\n\nDie Duldung nach § 60a und die Aufenthaltserlaubnis nach §§ 25a, 25b AufenthG.\n"
EXPECTED = [f"§{NBSP}60a", f"§§{NBSP}25a"]


def test_every_format_keeps_section_and_number_together(tmp_path: Path) -> None:
    paths = render_all(MARKDOWN, tmp_path, DocMeta("Merkblatt", date=DATE))
    html = paths["html"].read_text(encoding="utf-8").replace("&nbsp;", NBSP)
    docx_text = "\n".join(p.text for p in docx.Document(str(paths["docx"])).paragraphs)
    odt_text = str(odfdo.Document(str(paths["odt"])).body)
    for expected in EXPECTED:
        assert expected in html
        assert expected in docx_text
        assert expected in odt_text
        assert expected.replace(NBSP, " ") not in html + docx_text + odt_text
    pdf = pdf_text(paths["pdf"]).replace(NBSP, " ")  # pdftotext shows a space or the NBSP
    assert "§ 60a" in pdf and "§§ 25a" in pdf
    source = typst_source(parse(MARKDOWN), DocMeta("Merkblatt", date=DATE))
    assert f"§{NBSP}60a" in source  # Typst sets a no-break space
