"""``replicate demo-caseload`` then ``replicate report``: outputs, protection, bad input, atomic writes."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from replicate.cli import main
from replicate.report.sheets import neutral
from tests.helpers_office import convert_with_libreoffice, pdf_text
from tests.report.conftest import PERIOD, SETTINGS
from tests.report.helpers import ROOT


def _texts(folder: Path) -> dict[str, str]:
    """Every text inside the report: plain files and the XML inside DOCX, ODT, ODS, XLSX."""
    out: dict[str, str] = {}
    for path in folder.rglob("*"):
        if path.suffix in (".md", ".html", ".json", ".svg"):
            out[str(path)] = path.read_text(encoding="utf-8")
        elif path.suffix in (".docx", ".odt", ".ods", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                out[str(path)] = "".join(
                    z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
                )
    return out


def test_every_output_is_written(built):
    names = {p.name for p in (built / "bericht").rglob("*") if p.is_file()}
    for stem in ("sachbericht", "kurzbericht"):
        assert {f"{stem}.{ext}" for ext in ("md", "html", "docx", "odt", "pdf")} <= names
    assert {
        "kennzahlen.ods",
        "kennzahlen.xlsx",
        "bericht.json",
        "antraege.svg",
        "entscheidungen.svg",
    } <= names


def test_synthetic_caseload_is_marked_everywhere(built):
    content = json.loads((built / "bericht" / "bericht.json").read_text(encoding="utf-8"))
    assert content["synthetic"] and content["synthetic_rows"] == 300
    for stem in ("sachbericht", "kurzbericht"):
        assert "Synthetische Beispieldaten" in (built / "bericht" / f"{stem}.md").read_text(encoding="utf-8")
        assert "SYNTHETISCHE BEISPIELDATEN" in pdf_text(built / "bericht" / f"{stem}.pdf")
    with zipfile.ZipFile(built / "bericht" / "kennzahlen.xlsx") as z:
        assert "SYNTHETISCHE BEISPIELDATEN" in z.read("xl/sharedStrings.xml").decode()


def test_no_row_level_data_in_any_output(built):
    ids = [line.split(",")[1] for line in (built / "demo.csv").read_text(encoding="utf-8").splitlines()[1:]]
    for where, text in _texts(built / "bericht").items():
        assert "SYNTH-0" not in text, where
    assert ids and all(i.startswith("SYNTH-") for i in ids)


def test_charts_are_accessible_svg_inline_and_vector_in_pdf(built):
    html = (built / "bericht" / "sachbericht.html").read_text(encoding="utf-8")
    assert html.count('role="img"') == 3 and "<title id=" in html and "<desc id=" in html
    assert 'href="diagramme/' not in html
    text = pdf_text(built / "bericht" / "sachbericht.pdf")
    assert "Anträge nach Rechtsgrundlage (Anzahl)" in text  # chart text stays text: a vector graphic


@pytest.mark.libreoffice
def test_outputs_open_in_libreoffice(built, tmp_path):
    copies = []
    for name in ("sachbericht.docx", "sachbericht.odt", "kennzahlen.ods", "kennzahlen.xlsx"):
        copy = tmp_path / name.replace(".", "-", 1)
        shutil.copy(built / "bericht" / name, copy)
        copies.append(copy)
    pdfs = convert_with_libreoffice(copies, tmp_path / "pdf")
    assert "Soll und Ist der vereinbarten Kennzahlen" in pdf_text(pdfs[0])
    assert "Beratene Personen" in pdf_text(pdfs[2]) and "Beratene Personen" in pdf_text(pdfs[3])


def test_same_input_gives_identical_files(built, tmp_path):
    out = tmp_path / "again"
    assert (
        main(
            [
                "report",
                str(built / "demo.csv"),
                "--settings",
                str(SETTINGS),
                "--period",
                PERIOD,
                "--out",
                str(out),
                "--quiet",
            ]
        )
        == 0
    )
    for path in (built / "bericht").rglob("*"):
        if path.is_file():
            assert (out / path.relative_to(built / "bericht")).read_bytes() == path.read_bytes(), path.name


def test_bad_rows_are_listed_and_left_out(tmp_path, capsys):
    lines = (ROOT / "tests" / "report" / "bad_caseload.csv").read_text(encoding="utf-8")
    caseload = tmp_path / "faelle.csv"
    caseload.write_text(lines, encoding="utf-8")
    assert (
        main(
            [
                "report",
                str(caseload),
                "--settings",
                str(SETTINGS),
                "--period",
                PERIOD,
                "--out",
                str(tmp_path / "b"),
                "--quiet",
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "2 fehlerhafte Fälle" in err
    assert "faelle.csv: Zeile 3: history.1.result: ungültiger Wert „genehmigt“" in err
    assert "faelle.csv: Zeile 4: nationality: „Syrien“ ist kein Ländercode" in err
    assert err.count("→ ") == 2
    content = json.loads((tmp_path / "b" / "bericht.json").read_text(encoding="utf-8"))
    assert content["caseload"] == {"file": "faelle.csv", "rows": 8, "counted": 6, "left_out": 2}
    assert "2 Fälle wurden wegen fehlerhafter Angaben nicht gezählt" in (
        tmp_path / "b" / "sachbericht.md"
    ).read_text(encoding="utf-8")
    assert not content["synthetic"]


def test_strict_writes_nothing(tmp_path, capsys):
    caseload = tmp_path / "faelle.csv"
    shutil.copy(ROOT / "tests" / "report" / "bad_caseload.csv", caseload)
    code = main(
        [
            "report",
            str(caseload),
            "--settings",
            str(SETTINGS),
            "--period",
            PERIOD,
            "--out",
            str(tmp_path / "b"),
            "--strict",
        ]
    )
    assert code == 2 and not (tmp_path / "b").exists()
    assert "--strict" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["faelle.csv"]


def test_nothing_countable_is_an_error(tmp_path, capsys):
    caseload = tmp_path / "leer.jsonl"
    caseload.write_text('{"case_id": "X-1", "history": [{"date": "2027-01-01"}]}\nkaputt\n', encoding="utf-8")
    assert main(["report", str(caseload), "--settings", str(SETTINGS), "--out", str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err
    assert "kein Fall konnte gezählt werden" in err and "Zeile 2" in err and "Traceback" not in err
    assert not (tmp_path / "b").exists()


def test_foreign_folder_is_never_touched(built, tmp_path, capsys):
    dest = tmp_path / "eigene-dateien"
    dest.mkdir()
    (dest / "wichtig.txt").write_text("bleibt", encoding="utf-8")
    assert main(["report", str(built / "demo.csv"), "--settings", str(SETTINGS), "--out", str(dest)]) == 2
    assert "keinen früheren Bericht" in capsys.readouterr().err
    assert [p.name for p in dest.iterdir()] == ["wichtig.txt"]


def test_user_values_are_escaped_and_neutralised(built, tmp_path):
    source = SETTINGS.read_text(encoding="utf-8")
    name = '=HYPERLINK("http://x")<script>alert(1)</script>'
    start = source.index("  project_name:")
    end = source.index("\n", start)
    hostile = tmp_path / "s.yaml"
    hostile.write_text(source[:start] + f"  project_name: '{name}'" + source[end:], encoding="utf-8")
    out = tmp_path / "b"
    assert (
        main(
            [
                "report",
                str(built / "demo.csv"),
                "--settings",
                str(hostile),
                "--period",
                PERIOD,
                "--out",
                str(out),
                "--quiet",
            ]
        )
        == 0
    )
    for stem in ("sachbericht", "kurzbericht"):
        html = (out / f"{stem}.html").read_text(encoding="utf-8")
        assert "<script>" not in html and "&lt;script&gt;" in html
    with zipfile.ZipFile(out / "kennzahlen.xlsx") as z:
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "'=HYPERLINK" in strings
    with zipfile.ZipFile(out / "kennzahlen.ods") as z:
        assert "'=HYPERLINK" in z.read("content.xml").decode()


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_neutralised(text):
    assert neutral(text) == "'" + text
    assert neutral("Beratene Personen") == "Beratene Personen"


def test_help_is_german_with_an_example(capsys):
    for command in ("report", "demo-caseload"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "Beispiel:" in out and "replicate demo-caseload" in out


def test_documents_have_no_leftovers_or_empty_places(built):
    from tests.kit.test_agreement import EMPTY_PLACES, LEFTOVERS

    for stem in ("sachbericht", "kurzbericht"):
        text = (built / "bericht" / f"{stem}.md").read_text(encoding="utf-8")
        assert text.startswith("# ")
        for leftover in LEFTOVERS:
            assert leftover not in text, (stem, leftover)
        for what, pattern in EMPTY_PLACES.items():
            found = pattern.search(text)
            assert not found, f"{stem}: {what}: {text[max(0, found.start() - 40) : found.end() + 40]!r}"


def test_pdf_is_tagged(built):
    import subprocess

    info = subprocess.run(
        ["pdfinfo", str(built / "bericht" / "sachbericht.pdf")], capture_output=True, text=True, check=False
    ).stdout
    assert "Tagged:          yes" in info
