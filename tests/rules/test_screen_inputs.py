"""``replicate screen`` with inputs a careless user gives it: never an internal error, never a lost file."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from replicate.cli import main
from replicate.tabular import safe_cell, write_csv

from .base_case import base_case

ROOT = Path(__file__).resolve().parents[2]
CASE = base_case(case_id="DD-1")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["screen", *args, "--as-of", "2026-11-25"])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Interner Fehler" not in err, err
    return code, err


def _caseload(tmp_path: Path) -> Path:
    path = tmp_path / "faelle.csv"
    path.write_text("case_id,birth_date\nA-1,1990-01-01\nA-2,1991-01-01\n", encoding="utf-8")
    return path


def test_out_that_is_the_caseload_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _caseload(tmp_path)
    before = source.read_bytes()
    code, err = _run(capsys, str(source), "--out", str(source))
    assert code == 2
    assert "zugleich eine Eingabe" in err and "--out" in err
    assert source.read_bytes() == before


def test_out_that_is_the_caseload_under_another_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _caseload(tmp_path)
    link = tmp_path / "verweis.csv"
    link.symlink_to(source)
    before = source.read_bytes()
    code, err = _run(capsys, str(source), "--out", str(link))
    assert code == 2 and "zugleich eine Eingabe" in err
    assert source.read_bytes() == before


def test_out_that_is_the_settings_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "dresden.toml"
    shutil.copy(ROOT / "examples" / "dresden.toml", settings)
    before = settings.read_bytes()
    code, err = _run(capsys, str(_caseload(tmp_path)), "--settings", str(settings), "--out", str(settings))
    assert code == 2 and "zugleich eine Eingabe" in err
    assert settings.read_bytes() == before


def test_bad_rows_exit_2_and_say_that_the_good_rows_were_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "faelle.csv"
    source.write_text("case_id,birth_date\nA-1,1990-01-01\nA-2,1990-02-30\n", encoding="utf-8")
    out = tmp_path / "ergebnisse.csv"
    code, err = _run(capsys, str(source), "--out", str(out))
    assert code == 2
    assert "1 Fälle geprüft und nach" in err and "1 fehlerhafte Einträge wurden nicht geprüft" in err
    assert "Zeile 3: birth_date" in err
    assert [row["fall"] for row in csv.DictReader(out.open(encoding="utf-8"))] == ["A-1"]


def test_a_header_error_leaves_an_older_result_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "faelle.csv"
    source.write_text("case_id,status_periods.5000.start\nA-1,2020-01-01\n", encoding="utf-8")
    out = tmp_path / "ergebnisse.csv"
    out.write_text("alte Ergebnisse\n", encoding="utf-8")
    code, _ = _run(capsys, str(source), "--out", str(out))
    assert code == 2
    assert out.read_text(encoding="utf-8") == "alte Ergebnisse\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_delimiter_can_be_chosen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ergebnisse.csv"
    code, err = _run(capsys, str(_caseload(tmp_path)), "--out", str(out), "--delimiter", "semikolon")
    assert code == 0 and "Trennzeichen Semikolon" in err
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("zeile;fall;")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("fehlt.json", None, "Datei nicht gefunden"),
        ("ordner.json", "DIR", "ist ein Ordner"),
        ("latin1.json", "LATIN1", "nicht in UTF-8"),
        ("tief.json", '{"case_id": ' + "[" * 5000 + "]" * 5000 + "}", "zu tief verschachtelt"),
        ("zahl.json", '{"case_id": "a", "birth_date": ' + "9" * 5000 + "}", "eine Zahl ist zu lang"),
        ("kaputt.json", '{"case_id": "a",', "kein gültiges JSON"),
        ("fehlt.csv", None, "Datei nicht gefunden"),
        ("ordner.csv", "DIR", "ist ein Ordner"),
        ("liste.json", "[" * 5000 + "]" * 5000, "zu tief verschachtelt"),
    ],
)
def test_unreadable_files_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, expected: str
) -> None:
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif content == "LATIN1":
        path.write_bytes(json.dumps({"case_id": "Fall-Ü"}, ensure_ascii=False).encode("latin-1"))
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    code, err = _run(capsys, str(path), "--out", str(tmp_path / "out.csv"))
    assert code == 2
    assert expected in err
    assert not (tmp_path / "out.csv").exists()


def test_jsonl_with_a_bad_line_screens_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "faelle.jsonl"
    lines = [json.dumps(CASE).encode(), '{"case_id": "Fall-Ü"}'.encode("latin-1"), b"[" * 5000, b"{}"]
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.csv"
    code, err = _run(capsys, str(path), "--out", str(out))
    assert code == 2
    assert "Zeile 2: Zeile ist nicht in UTF-8 gespeichert" in err
    assert "Zeile 3: kein gültiges JSON: zu tief verschachtelt" in err
    assert [row["fall"] for row in csv.DictReader(out.open(encoding="utf-8"))] == ["DD-1", ""]


# --- formula injection, checked in LibreOffice ---


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "'\r=1+2"),
        ("  =1", "'  =1"),
        ("Fall-Ü=1", "Fall-Ü=1"),
        ("", ""),
        (3, 3),
    ],
)
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def _cells_in_libreoffice(csv_path: Path, workdir: Path) -> list[tuple[str, bool]]:
    """Open the CSV in LibreOffice (formulas evaluated, as a user's Calc does) → (text, is formula)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("soffice not found: install libreoffice-calc-nogui (bash .ci/run does)", pytrace=False)
    profile = Path(tempfile.mkdtemp(prefix="replicate-lo-csv-"))
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--infilter=CSV:44,34,76,1,,1031,false,false,false,false,false,-1,true",
                "--convert-to",
                "ods",
                "--outdir",
                str(workdir),
                str(csv_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    with zipfile.ZipFile(workdir / f"{csv_path.stem}.ods") as archive:
        root = etree.fromstring(archive.read("content.xml"))
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    cells = []
    for cell in root.iter(f"{{{table}}}table-cell"):
        text = "".join(cell.itertext())
        if text:
            cells.append((text, f"{{{table}}}formula" in cell.attrib))
    return cells


def test_libreoffice_reads_written_pseudonyms_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payloads = ["=1+2", "+3+4", "-5+6", "@SUM(1;2)", '=HYPERLINK("http://example.org")']
    control = tmp_path / "ungeschuetzt.csv"
    with control.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["fall"], *[[p] for p in payloads]])
    source = tmp_path / "faelle.csv"
    with source.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["case_id", "birth_date"], *[[p, "1990-01-01"] for p in payloads]])
    out = tmp_path / "ergebnisse.csv"
    code, _ = _run(capsys, str(source), "--out", str(out))
    assert code == 0
    assert any(formula for _, formula in _cells_in_libreoffice(control, tmp_path / "a"))  # the check can fail
    cells = _cells_in_libreoffice(out, tmp_path / "b")
    assert not any(formula for _, formula in cells), cells
    for payload in payloads:
        assert ("'" + payload, False) in cells


def test_write_csv_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    target.write_text("alt\n", encoding="utf-8")

    def rows() -> object:
        yield ["a"]
        raise RuntimeError("mitten im Schreiben")

    with pytest.raises(RuntimeError):
        write_csv(target, ["x"], rows())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "alt\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_a_lone_surrogate_in_a_json_caseload_is_a_row_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "faelle.jsonl"
    path.write_text('{"case_id": "A-\\ud800"}\n{"case_id": "B-\\ud83d\\ude00"}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    code, err = _run(capsys, str(path), "--out", str(out))
    assert code == 2 and "Zeile 1: kein gültiges JSON: ein \\u-Zeichen steht allein" in err
    assert [row["fall"] for row in csv.DictReader(out.open(encoding="utf-8"))] == ["B-\U0001f600"]


def test_a_lone_surrogate_in_a_single_case_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fall.json"
    path.write_text('{"case_id": "A-\\udc00"}', encoding="utf-8")
    code, err = _run(capsys, str(path))
    assert code == 2 and "halbes Unicode-Zeichenpaar" in err


def test_file_errors_are_worded_in_german() -> None:
    import errno

    from replicate.oswords import reason

    assert reason(PermissionError(errno.EACCES, "Permission denied")) == "keine Berechtigung"
    assert reason(OSError(errno.ENOSPC, "No space left on device")) == "kein Platz mehr auf dem Datenträger"
    assert "Permission" not in reason(OSError(errno.EPERM, "Operation not permitted"))
    assert (
        reason(OSError(errno.EBADF, "Bad file descriptor")) == f"Fehler des Betriebssystems Nr. {errno.EBADF}"
    )
