"""The catalogue site: escaped values, strict CSP, JSON feed; replacing only an earlier catalogue."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from replicate.catalogue import build_catalogue
from replicate.cli import main
from replicate.errors import InputError
from tests.batch.conftest import XSS, batch_out  # noqa: F401  (the session fixture)

FOLDERS = ["dresden", "fuerth", "landkreis-mittelsachsen", "leipzig"]


@pytest.fixture(scope="module")
def site(batch_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    target = tmp_path_factory.mktemp("catalogue") / "katalog"
    assert main(["catalogue", str(batch_out), "--out", str(target)]) == 0
    return target


def test_one_page_per_municipality_and_an_overview(site: Path) -> None:
    assert sorted(p.stem for p in (site / "kommunen").iterdir()) == FOLDERS
    index = (site / "index.html").read_text(encoding="utf-8")
    for folder in FOLDERS:
        assert f'href="kommunen/{folder}.html"' in index
    names = re.findall(r'<td data-sort="([^"]*)"><a href', index)
    assert names == sorted(names, key=str.casefold)  # pre-sorted by name, also without script
    assert '<td data-sort="1400">1.400</td>' in index
    assert '<td data-sort="-1">nicht angegeben</td>' in index  # unknown, not zero


def test_municipality_page_has_profile_documents_dates(site: Path, batch_out: Path) -> None:  # noqa: F811
    text = (site / "kommunen" / "dresden.html").read_text(encoding="utf-8")
    assert "567 Erst- und Folgeberatungen (Stand 30.06.2025; Quelle: Sächsischer Flüchtlingsrat e.V.)" in text
    assert "<dt>Förderzeitraum</dt><dd>01.03.2024 bis 31.12.2026</dd>" in text
    assert "<dt>Stand der Rechtslage</dt><dd>25.11.2026</dd>" in text
    links = re.findall(r'href="([^"]+)"', text)
    documents = [link for link in links if link.endswith(".html") and "dresden/" in link]
    assert any(link.endswith("projekt/praxisprofil.html") for link in documents)
    for link in documents:  # every link to the kit resolves from the page's folder
        assert (site / "kommunen" / link).resolve().is_file(), link


def test_every_value_is_escaped(site: Path) -> None:
    for path in [site / "index.html", *(site / "kommunen").iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert "<img" not in text, path.name
    page = (site / "kommunen" / "fuerth.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_strict_csp_and_no_external_resource(site: Path) -> None:
    for path in [site / "index.html", *(site / "kommunen").iterdir()]:
        text = path.read_text(encoding="utf-8")
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert csp and "default-src 'none'" in csp.group(1) and "unsafe-inline" not in csp.group(1)
        assert not re.search(r'(src|href)="(https?:)?//', text), path.name


def test_json_feed(site: Path) -> None:
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    items = {item["id"]: item for item in feed["items"]}
    assert sorted(items) == FOLDERS
    dresden = items["dresden"]
    assert dresden["url"] == "kommunen/dresden.html"
    assert dresden["content_text"].startswith("Perspektive Bleiberecht Dresden berät")
    assert len(dresden["content_text"]) <= 1000
    assert dresden["_replicate"]["results"][0] == {
        "label": "Erst- und Folgeberatungen", "value": 567.0, "date": "2025-06-30",
        "source": "Sächsischer Flüchtlingsrat e.V.",
    }  # fmt: skip
    fuerth = items["fuerth"]["_replicate"]
    assert fuerth["tolerated_persons"] == {"value": None, "date": None, "source": "Angabe der Kommune"}
    assert fuerth["state"] == "Bayern"
    assert XSS in items["fuerth"]["title"]  # JSON is data: the consumer escapes


def test_same_batch_gives_byte_identical_site(site: Path, batch_out: Path, tmp_path: Path) -> None:  # noqa: F811
    again = tmp_path / "katalog"
    build_catalogue(batch_out, again)
    for path in site.rglob("*"):
        if path.is_file():
            assert (again / path.relative_to(site)).read_bytes() == path.read_bytes(), path.name


def test_refuses_to_overwrite_a_folder_that_is_no_catalogue(batch_out: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "website"
    target.mkdir()
    (target / "wichtig.txt").write_text("bleibt", encoding="utf-8")
    with pytest.raises(InputError, match="weder leer noch ein früher erzeugter Katalog"):
        build_catalogue(batch_out, target)
    assert (target / "wichtig.txt").read_text(encoding="utf-8") == "bleibt"


def test_not_a_batch_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", str(tmp_path), "--out", str(tmp_path / "site")]) == 2
    assert "replicate batch" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
