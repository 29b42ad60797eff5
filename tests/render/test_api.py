"""render_markdown: every format written, reproducible bytes, errors that name the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.errors import RenderError
from replicate.render import FORMATS, DocMeta, render_markdown
from tests.render.conftest import DATE, png, render_all


def test_every_format_is_written_in_the_requested_order(rendered: dict[str, Path]) -> None:
    assert list(rendered) == list(FORMATS)
    for fmt, path in rendered.items():
        assert path.name == f"beratung.{fmt}"
        assert path.stat().st_size > 1000, fmt


def test_only_requested_formats_are_written(tmp_path: Path) -> None:
    paths = render_markdown("# Titel\n", tmp_path / "doc", ["pdf", "html"], DocMeta("T", date=DATE))
    assert paths == [tmp_path / "doc.pdf", tmp_path / "doc.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.html", "doc.pdf"]


def test_two_renders_are_byte_identical(tmp_path: Path, sample_markdown: str) -> None:
    """Same input, different folders (each with its own copy of the logo): identical bytes."""
    results = []
    for folder in ("a", "b/tiefer"):
        logo = tmp_path / folder / "logo.png"
        logo.parent.mkdir(parents=True)
        logo.write_bytes(png())
        meta = DocMeta("Beratung", footer="Fußzeile", date=DATE, logo=logo)
        results.append(render_all(sample_markdown, tmp_path / folder / "out", meta))
    first, second = results
    for fmt in FORMATS:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt


def test_unknown_format_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(
        RenderError, match=r"merkblatt: unbekanntes Format rtf \(möglich: html, docx, odt, pdf\)"
    ):
        render_markdown("# T\n", tmp_path / "merkblatt", ["html", "rtf"], DocMeta("T", date=DATE))
    assert not list(tmp_path.iterdir())


def test_unknown_logo_format_is_a_render_error(tmp_path: Path) -> None:
    meta = DocMeta("Merkblatt", date=DATE, logo=tmp_path / "logo.gif")
    with pytest.raises(RenderError, match=r"merkblatt\.html .*Logo logo\.gif: unbekanntes Bildformat"):
        render_markdown("# T\n", tmp_path / "merkblatt", ["html"], meta)


def test_missing_destination_folder_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"^merkblatt\.docx \(„T“\) konnte nicht erzeugt werden: "):
        render_markdown("# T\n", tmp_path / "fehlt" / "merkblatt", ["docx"], DocMeta("T", date=DATE))
