"""`replicate update`, `status`, `diff`: scenarios with real kits (a Landkreis in YAML, HTML only for speed,
and the Dresden kit in every format where formats matter)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from replicate import render
from replicate.cli import main
from replicate.errors import KitError, RenderError, RulesError
from replicate.kit import new_kit
from replicate.kit.state import read_state
from replicate.kit.status import kit_diff, kit_status
from replicate.kit.update import update_kit

from .conftest import example_settings

AGREEMENT = "vereinbarung/kooperationsvereinbarung.md"
LETTER = "vereinbarung/anlage-4-informationsbrief.md"


def _small_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str = "kit") -> Path:
    settings = example_settings("landkreis-mittelsachsen.yaml", monkeypatch)
    settings.kit.formats = ["html"]
    dest = tmp_path / name
    new_kit(settings, dest)
    return dest


def _snapshot(kit: Path) -> dict[str, bytes]:
    return {p.relative_to(kit).as_posix(): p.read_bytes() for p in sorted(kit.rglob("*")) if p.is_file()}


def test_state_records_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    state = read_state(kit)
    assert state is not None
    files = {
        p.relative_to(kit).as_posix() for p in kit.rglob("*") if p.is_file() and ".replicate" not in p.parts
    }
    assert {r.path for r in state.files} == files
    kinds = {r.path: (r.kind, r.source) for r in state.files}
    assert kinds[AGREEMENT] == ("source", "Vorlage")
    assert kinds["regeln/pruefschema.md"] == ("source", "Regeldaten")
    assert kinds["vereinbarung/kooperationsvereinbarung.html"] == ("derived", AGREEMENT)
    assert kinds["index.html"][0] == "generated"
    assert state.reference_date == date(2026, 11, 25) and state.law_checked_until == date(2026, 7, 31)
    assert (kit / ".replicate" / "base" / (AGREEMENT + ".base")).read_text(encoding="utf-8") == (
        kit / AGREEMENT
    ).read_text(encoding="utf-8")
    answers = (kit / ".copier-answers.yml").read_text(encoding="utf-8")
    assert "_src_path" not in answers and str(tmp_path) not in answers


def test_edit_kept_when_the_reference_date_moves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    text = (kit / AGREEMENT).read_text(encoding="utf-8")
    assert "Stand\n> vom 25.11.2026" in text or "25.11.2026" in text
    edited = text.replace("## § 1 Präambel", "## § 1 Präambel\n\nVom Rechtsamt des Landkreises ergänzt.", 1)
    (kit / AGREEMENT).write_text(edited, encoding="utf-8")
    (kit / "eigene-liste.txt").write_text("Telefonliste", encoding="utf-8")
    result = update_kit(kit, reference_date=date(2027, 7, 1))
    assert result.conflicts == [] and AGREEMENT in result.merged
    merged = (kit / AGREEMENT).read_text(encoding="utf-8")
    assert "Vom Rechtsamt des Landkreises ergänzt." in merged
    assert "01.07.2027" in merged and "25.11.2026" not in merged
    assert "Vom Rechtsamt" in (kit / "vereinbarung/kooperationsvereinbarung.html").read_text(encoding="utf-8")
    assert (kit / "eigene-liste.txt").read_text(encoding="utf-8") == "Telefonliste"
    report = (kit / "aktualisierung" / "stand-2027-07-01.md").read_text(encoding="utf-8")
    assert (
        "§ 25b Abs. 8 AufenthG" in report and "gilt nicht mehr" in report
    )  # § 104c privileges end 30.06.2027
    assert (kit / "aktualisierung" / "stand-2027-07-01.html").is_file()
    state = read_state(kit)
    assert state is not None and state.reference_date == date(2027, 7, 1)
    assert kit_status(kit).edited == [AGREEMENT]
    # still a local edit against the new base
    assert "+Vom Rechtsamt des Landkreises ergänzt." in kit_diff(kit)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kit.")], "staging or lock left behind"


def test_both_sides_change_the_same_clause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    old_html = (kit / "vereinbarung/kooperationsvereinbarung.html").read_bytes()
    text = (kit / AGREEMENT).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "25.11.2026" in line)
    (kit / AGREEMENT).write_text(
        text.replace(line, "> Fassung des Rechtsamts vom 02.12.2026."), encoding="utf-8"
    )
    code = main(["update", str(kit), "--reference-date", "2027-07-01", "--quiet"])
    assert code == 1
    out = capsys.readouterr()
    assert AGREEMENT in out.out and "Konflikt" in out.out and "Traceback" not in out.err
    merged = (kit / AGREEMENT).read_text(encoding="utf-8")
    assert "<<<<<<< Ihre Fassung\n> Fassung des Rechtsamts vom 02.12.2026.\n=======\n" in merged
    assert "01.07.2027" in merged and ">>>>>>> Neue Vorlage\n" in merged
    # formats of a conflicted file are not rebuilt
    assert (kit / "vereinbarung/kooperationsvereinbarung.html").read_bytes() == old_html
    assert "Konflikte: bitte entscheiden" in (kit / "aktualisierung/stand-2027-07-01.md").read_text(
        encoding="utf-8"
    )
    assert kit_status(kit).conflicts == [AGREEMENT]
    # a second update refuses until the markers are resolved, and changes nothing
    before = _snapshot(kit)
    assert main(["update", str(kit), "--quiet"]) == 2
    assert "Konfliktmarkierungen" in capsys.readouterr().err
    assert _snapshot(kit) == before


def test_deleted_file_stays_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    for path in kit.glob("vereinbarung/anlage-4-informationsbrief.*"):
        path.unlink()
    result = update_kit(kit, reference_date=date(2027, 7, 1))
    assert LETTER in result.deleted
    assert not list(kit.glob("vereinbarung/anlage-4-informationsbrief.*"))
    assert "anlage-4-informationsbrief" not in (kit / "index.html").read_text(encoding="utf-8")
    update_kit(kit, reference_date=date(2027, 8, 1))  # and after the next update too
    assert not (kit / LETTER).exists()


def test_formats_of_a_deleted_source_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    page = kit / "vereinbarung/anlage-4-informationsbrief.html"
    before = page.read_bytes()
    (kit / LETTER).unlink()  # the source is gone, the web page is what the service uses
    result = update_kit(kit, reference_date=date(2027, 7, 1))
    assert LETTER in result.deleted and page.read_bytes() == before


def test_nothing_changed_is_a_no_op(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    before = _snapshot(kit)
    result = update_kit(kit)
    assert result.up_to_date and _snapshot(kit) == before


def test_interrupted_update_leaves_the_kit_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    (kit / AGREEMENT).write_text(
        (kit / AGREEMENT).read_text(encoding="utf-8") + "\nEigener Absatz.\n", "utf-8"
    )
    before = _snapshot(kit)
    calls = {"n": 0}
    original = render.render_markdown

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise RenderError("simulierter Fehler beim dritten Dokument")
        return original(*args, **kwargs)

    monkeypatch.setattr(render, "render_markdown", flaky)
    with pytest.raises(RenderError):
        update_kit(kit, reference_date=date(2027, 7, 1))
    assert _snapshot(kit) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_edited_docx_is_kept(tmp_path: Path) -> None:
    settings = example_settings("dresden.toml")
    settings.kit.formats = ["docx", "html"]
    kit = tmp_path / "kit"
    new_kit(settings, kit)
    docx = kit / "vereinbarung/kooperationsvereinbarung.docx"
    edited = docx.read_bytes() + b"\0"  # stands for a file saved by Word
    docx.write_bytes(edited)
    result = update_kit(kit, reference_date=date(2027, 7, 1))
    assert "vereinbarung/kooperationsvereinbarung.docx" in result.kept
    assert docx.read_bytes() == edited
    assert "01.07.2027" in (kit / "vereinbarung/kooperationsvereinbarung.html").read_text(encoding="utf-8")
    assert kit_status(kit).edited == ["vereinbarung/kooperationsvereinbarung.docx"]


def test_kit_of_the_previous_release_updates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kit built before replicate recorded a state: an absolute `_src_path`, no `.replicate/`."""
    kit = _small_kit(tmp_path, monkeypatch)
    shutil.rmtree(kit / ".replicate")
    answers = kit / ".copier-answers.yml"
    lines = answers.read_text(encoding="utf-8").splitlines(keepends=True)
    answers.write_text(
        lines[0]
        + "_src_path: /opt/venv/lib/python3.11/site-packages/replicate/_template\n"
        + "".join(lines[1:])
    )
    text = (kit / LETTER).read_text(encoding="utf-8")
    (kit / LETTER).write_text(text + "\nÖrtlicher Zusatz der Beratungsstelle.\n", encoding="utf-8")
    result = update_kit(kit, reference_date=date(2027, 7, 1))
    assert result.conflicts == []
    assert "Örtlicher Zusatz der Beratungsstelle." in (kit / LETTER).read_text(encoding="utf-8")
    assert "01.07.2027" in (kit / AGREEMENT).read_text(encoding="utf-8")
    state = read_state(kit)
    assert state is not None and state.reference_date == date(2027, 7, 1)
    assert "_src_path" not in answers.read_text(encoding="utf-8")


def test_kit_built_by_release_0_1_0_updates(tmp_path: Path) -> None:
    """The sources of a real kit of the previous release (see tests/kit/fixtures/README.md)."""
    kit = tmp_path / "kit"
    shutil.copytree(Path(__file__).parent / "fixtures" / "kit-0.1.0", kit)
    assert "_src_path: /" in (kit / ".copier-answers.yml").read_text(encoding="utf-8")
    clause = "Vom Kreistag am 12.03.2027 beschlossene Ergänzung."
    text = (kit / AGREEMENT).read_text(encoding="utf-8")
    (kit / AGREEMENT).write_text(text.replace("## § 2", f"{clause}\n\n## § 2", 1), encoding="utf-8")
    assert clause in (kit / AGREEMENT).read_text(encoding="utf-8")
    # That kit's local rule read 50 % as "überwiegend"; this release refuses it (more than half is
    # required), so the update stops with the key and the fix, and leaves the kit as it was.
    answers = kit / ".copier-answers.yml"
    with pytest.raises(RulesError, match=r"min_share_percent.*mehr als 50"):
        update_kit(kit, reference_date=date(2027, 7, 1))
    assert clause in (kit / AGREEMENT).read_text(encoding="utf-8")
    old_answers = answers.read_text(encoding="utf-8")
    answers.write_text(old_answers.replace("value: 50\n", "value: 51\n"), encoding="utf-8")
    result = update_kit(kit, reference_date=date(2027, 7, 1))
    assert result.conflicts == [] and AGREEMENT in result.merged
    merged = (kit / AGREEMENT).read_text(encoding="utf-8")
    assert clause in merged and "01.07.2027" in merged
    # Where the old text and the new one cannot be merged line by line, no conflict markers: the kit's
    # text stays and the new one lies beside the report, which says so.
    for relative in result.beside:
        assert (kit / relative).read_text(encoding="utf-8") == (
            Path(__file__).parent / "fixtures" / "kit-0.1.0" / relative
        ).read_text(encoding="utf-8")
        assert (kit / "aktualisierung" / "neu" / relative).is_file()
        assert "<<<<<<<" not in (kit / relative).read_text(encoding="utf-8")
    if result.beside:
        assert "die neue Fassung liegt daneben" in (kit / "aktualisierung" / "stand-2027-07-01.md").read_text(
            encoding="utf-8"
        )
    assert (kit / "vereinbarung/kooperationsvereinbarung.html").is_file()
    assert "_src_path" not in (kit / ".copier-answers.yml").read_text(encoding="utf-8")
    # What differs from this release's text counts as local from now on: the edited agreement and the
    # documents kept in the old release's wording.
    edited = kit_status(kit).edited
    assert AGREEMENT in edited and set(result.beside) <= set(edited)
    # The Prüfschema of the old release is replaced (it states the old legal position) and kept.
    kept = kit / "aktualisierung" / "vorher" / "regeln" / "pruefschema.md"
    assert "value: 50" not in kept.read_text(encoding="utf-8") and kept.stat().st_size > 1000
    assert (kit / "regeln" / "pruefschema.md").read_text(encoding="utf-8") != kept.read_text(encoding="utf-8")


def test_update_of_a_folder_that_is_no_kit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x").mkdir()
    assert main(["update", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "ist kein Kit" in err and "Traceback" not in err
    with pytest.raises(KitError):
        kit_status(tmp_path / "x")


def test_rules_diff_names_paragraphs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "diff", "--from", "2026-11-25", "--to", "2027-07-01"]) == 0
    out = capsys.readouterr().out
    assert "§ 25a Abs. 6 AufenthG" in out and "§ 25b Abs. 8 AufenthG" in out and "ja → nein" in out
    assert main(["rules", "diff", "--from", "2026-11-25", "--to", "2026-11-26"]) == 0
    assert "keine Änderung" in capsys.readouterr().out
    # § 104c a. F.: no new grant after 30.12.2025 (ChAR-G), seen from a date before
    assert main(["rules", "diff", "--from", "2025-06-01", "--to", "2026-01-15"]) == 0
    assert "§ 104c" in capsys.readouterr().out


def test_only_documents_whose_source_changed_are_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    settings = example_settings("landkreis-mittelsachsen.yaml", monkeypatch)
    settings.kit.formats = ["html"]
    settings.authority.phone = "03731 799-4711"
    rendered: list[str] = []
    original = render.render_markdown

    def counting(markdown, stem, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(Path(stem).name)
        return original(markdown, stem, *args, **kwargs)

    monkeypatch.setattr(render, "render_markdown", counting)
    result = update_kit(kit, settings)
    changed = [p for p in result.updated if p.endswith(".md")]
    assert changed and result.rebuilt == len(changed) < 10
    assert sorted(rendered) == sorted([Path(p).stem for p in changed] + ["stand-2026-11-25"])
    for name in changed:
        html = (kit / name).with_suffix(".html").read_text(encoding="utf-8")
        assert "799-4711" in html


def test_status_diff_and_report_in_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = example_settings("leipzig.toml", monkeypatch)
    settings.kit.formats = ["html"]
    settings.advice_service.project_name = "Bleiberecht <script>alert(1)</script> Leipzig"
    kit = tmp_path / "kit"
    new_kit(settings, kit)
    assert main(["status", str(kit)]) == 0
    assert "Keine örtlichen Änderungen." in capsys.readouterr().out
    readme = kit / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("\n", "\nZusatz des Amts.\n", 1), "utf-8")
    assert main(["status", str(kit)]) == 0
    assert "Örtlich geändert:\n  README.md" in capsys.readouterr().out
    assert main(["diff", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "+++ lokal/README.md" in out and "+Zusatz des Amts." in out
    monkeypatch.setenv("REPLICATE_KIT__REFERENCE_DATE", "2027-07-01")
    assert main(["update", str(kit), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Bericht:" in out
    page = (kit / "aktualisierung" / "stand-2027-07-01.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "Zusatz des Amts." in readme.read_text(encoding="utf-8")


def test_new_rules_data_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from replicate.kit import update

    kit = _small_kit(tmp_path, monkeypatch)
    monkeypatch.setattr(update, "rules_version", lambda: "überarbeitete Regeldaten")
    result = update_kit(kit)
    assert result.rules_changed and not result.up_to_date
    assert (
        result.rebuilt == 0 and result.updated == [] and result.merged == []
    )  # same texts: nothing re-rendered
    report = (kit / "aktualisierung" / "stand-2026-11-25.md").read_text(encoding="utf-8")
    assert "Regeldaten selbst überarbeitet" in report


def test_state_of_a_newer_release_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = _small_kit(tmp_path, monkeypatch)
    path = kit / ".replicate" / "state.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"format": 1', '"format": 2', 1), encoding="utf-8"
    )
    with pytest.raises(KitError, match="neueren Fassung von replicate"):
        kit_status(kit)
    path.write_text("{kaputt", encoding="utf-8")
    with pytest.raises(KitError, match="beschädigt"):
        update_kit(kit)
