"""A kit with a logo: one logo file for all web pages, known to the kit's state, status and update."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from replicate.kit import new_kit
from replicate.kit.state import read_state
from replicate.kit.status import kit_status
from replicate.kit.update import update_kit
from tests.render.test_logo_once import noisy_png

from .conftest import example_settings

ASSET = "bilder/logo.png"


def test_kit_writes_the_logo_once_and_links_it_from_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "wappen-mittelsachsen.png"
    logo.write_bytes(noisy_png())
    settings = example_settings("landkreis-mittelsachsen.yaml", monkeypatch)
    settings.kit.formats = ["html", "docx"]
    settings.kit.logo = logo
    kit = tmp_path / "kit"
    new_kit(settings, kit)

    assert (kit / ASSET).read_bytes() == logo.read_bytes()
    pages = [p for p in kit.rglob("*.html") if p.with_suffix(".md").is_file()]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert page.stat().st_size < 300_000 and "data:image" not in html, page
        (src,) = re.findall(r'<img src="([^"]+)" alt="Logo">', html)
        assert not src.startswith("/") and (page.parent / src).resolve() == (kit / ASSET).resolve(), page
    for package in kit.rglob("*.docx"):
        assert package.stat().st_size > 900_000, package  # Word documents carry their own copy
    total_html = sum(p.stat().st_size for p in kit.rglob("*.html"))
    assert total_html < 3 * 1_000_000  # all pages together, logo-free (each was ~1.3 MB before)

    state = read_state(kit)
    assert state is not None
    assert {r.path: r.kind for r in state.files}[ASSET] == "generated"

    (kit / ASSET).unlink()
    assert kit_status(kit).deleted == [ASSET]
    result = update_kit(kit, settings, reference_date=date(2027, 1, 15))
    assert ASSET not in result.deleted
    assert (kit / ASSET).read_bytes() == logo.read_bytes()  # the pages need it: written anew
    assert kit_status(kit).deleted == []


def test_kit_without_html_has_no_logo_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(noisy_png(side=40))
    settings = example_settings("landkreis-mittelsachsen.yaml", monkeypatch)
    settings.kit.formats = ["odt"]
    settings.kit.logo = logo
    kit = tmp_path / "kit"
    new_kit(settings, kit)
    assert not (kit / "bilder").exists()
