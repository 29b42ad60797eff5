"""`replicate new`: a complete kit, golden text files, determinism, atomicity, safe values."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from replicate import render
from replicate.cli import main
from replicate.errors import RenderError
from replicate.kit import new_kit

from .conftest import ROOT, example_settings

GOLDEN = ROOT / "tests" / "golden" / "dresden"
TEXT_SUFFIXES = {".md", ".html", ".yml"}
DOCUMENTS = [
    "README",
    "projekt/projektsteckbrief",
    "projekt/lokalisierung-checkliste",
    *[
        f"start/{doc}"
        for doc in (
            "startplan",
            "beschlussvorlage",
            "finanzierungsplan",
            "foerderantrag",
            "stellenprofil",
            "verstetigung-exitplan",
            "handreichung-behoerde",
            "evaluationskonzept",
            "pressemitteilung",
            "flyer-verweisende",
        )
    ],
    "projekt/praxisprofil",
    "vereinbarung/kooperationsvereinbarung",
    "vereinbarung/anlage-1-kontaktliste",
    "vereinbarung/anlage-2-verweisungsbogen",
    "vereinbarung/anlage-3-fallkonferenz-protokoll",
    "vereinbarung/anlage-4-informationsbrief",
    "datenschutz/datenschutzhinweise",
    "datenschutz/einwilligung",
    "datenschutz/schweigepflichtentbindung",
    "datenschutz/verarbeitungsverzeichnis",
    "datenschutz/tom",
    "datenschutz/informationen-angehoerige",
    "datenschutz/dsfa-schwellwertanalyse",
    "regeln/pruefschema",
    "berichtswesen/kennzahlen-handbuch",
    "berichtswesen/berichtskalender",
    "formulare/erstberatungsbogen",
    "formulare/fim-zuordnung",
    *[
        f"formulare/{lang}/{doc}"
        for lang in ("en", "ar", "fa", "ru", "uk")
        for doc in (
            "datenschutzhinweise",
            "einwilligung",
            "informationen-angehoerige",
            "informationsbrief",
            "schweigepflichtentbindung",
        )
    ],
]


def _text_files(kit: Path) -> dict[str, str]:
    files = {}
    for path in sorted(kit.rglob("*")):
        if (
            path.is_file()
            and path.suffix in TEXT_SUFFIXES
            and ".replicate" not in path.relative_to(kit).parts
        ):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^_src_path: .*$", "_src_path: <template>", text, flags=re.M)
            files[path.relative_to(kit).as_posix()] = text
    return files


def test_every_document_in_every_format(dresden_kit: Path) -> None:
    assert sorted(
        p.relative_to(dresden_kit).with_suffix("").as_posix() for p in dresden_kit.rglob("*.md")
    ) == sorted(DOCUMENTS)
    for doc in DOCUMENTS:
        for suffix in (".md", ".html", ".docx", ".odt", ".pdf"):
            path = dresden_kit / f"{doc}{suffix}"
            assert path.is_file() and path.stat().st_size > 500, path
    assert (dresden_kit / ".copier-answers.yml").is_file()
    assert not list(dresden_kit.parent.glob(".dresden.replicate-*")), "staging folder left behind"


def test_index_links_everything(dresden_kit: Path) -> None:
    index = (dresden_kit / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert len(links) >= len(DOCUMENTS) * 5
    for link in links:
        assert (dresden_kit / link).is_file(), link
    assert "Projektsteckbrief: Perspektive Bleiberecht Dresden" in index


def test_golden_text_files(dresden_kit: Path) -> None:
    built = _text_files(dresden_kit)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in built.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = _text_files(GOLDEN)
    assert sorted(built) == sorted(expected), "set of files changed (UPDATE_GOLDEN=1 to accept)"
    for name, text in expected.items():
        assert built[name] == text, f"{name} differs from tests/golden (UPDATE_GOLDEN=1 to accept)"


def test_steckbrief_content(dresden_kit: Path) -> None:
    text = (dresden_kit / "projekt" / "projektsteckbrief.md").read_text(encoding="utf-8")
    for expected in [
        "Sächsischer Flüchtlingsrat e.V.",
        "Ausländerbehörde der Landeshauptstadt Dresden",
        "Aktionsplan Integration 2022–2026",
        "01.03.2024 bis 31.12.2026",
        "1.400 geduldete Menschen",
        "Stand der Rechtslage: 25.11.2026",
        "§ 104c AufenthG (Übergangsregelung)",
        "30.06.2027",
    ]:
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text and "TODO" not in text


def test_deterministic(tmp_path: Path, dresden_kit: Path) -> None:
    again = tmp_path / "again"
    new_kit(example_settings("dresden.toml"), again)
    first = sorted(p.relative_to(dresden_kit) for p in dresden_kit.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    for rel in first:
        a, b = (dresden_kit / rel).read_bytes(), (again / rel).read_bytes()
        if rel.name == ".copier-answers.yml":
            continue  # holds the template path, identical for the same checkout (asserted below)
        assert a == b, f"{rel} differs between two builds"
    assert _text_files(dresden_kit) == _text_files(again)


def test_failure_midway_leaves_no_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    original = render.render_markdown

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RenderError("simulierter Fehler beim zweiten Dokument")
        return original(*args, **kwargs)

    monkeypatch.setattr(render, "render_markdown", flaky)
    dest = tmp_path / "kit"
    with pytest.raises(RenderError):
        new_kit(example_settings("dresden.toml"), dest)
    assert not dest.exists()
    assert list(tmp_path.iterdir()) == []

    # an existing kit survives a failed --force rebuild untouched
    monkeypatch.setattr(render, "render_markdown", original)
    settings = example_settings("dresden.toml")
    settings.kit.formats = ["html"]
    new_kit(settings, dest)
    (dest / "eigene-notiz.md").write_text("bleibt", encoding="utf-8")
    before = {p: p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    monkeypatch.setattr(render, "render_markdown", flaky)
    calls["n"] = 0
    with pytest.raises(RenderError):
        new_kit(settings, dest, force=True, discard=True)
    assert {p: p.read_bytes() for p in dest.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_force_replaces_only_a_kit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "dokumente"
    dest.mkdir()
    (dest / "wichtig.txt").write_text("x", encoding="utf-8")
    assert main(["new", str(ROOT / "examples" / "dresden.toml"), str(dest), "--force"]) == 2
    assert "enthält kein von replicate gebautes Kit" in capsys.readouterr().err
    assert [p.name for p in dest.iterdir()] == ["wichtig.txt"]


def test_dest_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "kit"
    dest.mkdir()
    (dest / "x.txt").write_text("x", encoding="utf-8")
    assert main(["new", str(ROOT / "examples" / "dresden.toml"), str(dest)]) == 2
    err = capsys.readouterr().err
    assert "nicht leer" in err and "--force" in err and "Traceback" not in err
    assert [p.name for p in dest.iterdir()] == ["x.txt"]


def test_dest_not_writable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("x", encoding="utf-8")
    for dest in ("/proc/replicate-kit", str(blocker / "kit")):
        assert main(["new", str(ROOT / "examples" / "dresden.toml"), dest]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and dest in err


def test_bad_settings_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        (ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8").replace("[kit]", "[kits]")
    )
    assert main(["new", str(bad), str(tmp_path / "kit")]) == 2
    assert not (tmp_path / "kit").exists()


def test_jinja_and_html_in_values_stay_literal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = example_settings("dresden.toml", monkeypatch)
    settings.advice_service.project_name = "Bleiberecht {{ 7*7 }} <script>alert(1)</script>"
    settings.cooperation.referral_route = (
        "Brief {% if true %}X{% endif %} <b>fett</b> [Link](javascript:alert(1)) *stern*"
    )
    settings.kit.formats = ["html"]
    dest = tmp_path / "kit"
    new_kit(settings, dest)
    md = (dest / "projekt" / "projektsteckbrief.md").read_text(encoding="utf-8")
    html = (dest / "projekt" / "projektsteckbrief.html").read_text(encoding="utf-8")
    index = (dest / "index.html").read_text(encoding="utf-8")
    assert "{{ 7\\*7 }}" in md and "49" not in md.split("Bleiberecht")[1][:20]
    assert "{% if true %}X{% endif %}" in md
    for page in (html, index):
        assert "<script>" not in page and "<b>fett" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in html and "&lt;b&gt;fett&lt;/b&gt;" in html
    assert 'href="javascript:' not in html
    assert "*stern*" in html


def test_untranslated_client_languages_are_named(tmp_path: Path) -> None:
    settings = example_settings("leipzig.toml")
    settings.kit.formats = ["html"]
    result = new_kit(settings, tmp_path / "kit")
    assert any("Tigrinya, Kurdisch" in note and "[DE]" in note for note in result.notes)
    consent = (tmp_path / "kit" / "formulare" / "ti" / "einwilligung.md").read_text(encoding="utf-8")
    assert "[DE]" in consent
