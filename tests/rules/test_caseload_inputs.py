"""Caseloads as people save them (any delimiter and encoding) and broken ones: rows, or row errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import yaml

from replicate.cli import main

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "bad" / "caseload_cases.yaml").read_text(encoding="utf-8")
)


def _text(case: dict[str, Any]) -> str:
    text: str = case["text"]
    if case.get("deep"):
        text = text.replace("DEEP", '"' + "[" * 5000 + "]" * 5000 + '"')
    return text.replace("BIG", "9" * 5000).replace("HUGE", "x" * 140_000)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_caseload_as_saved(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "faelle.csv"
    source.write_bytes(_text(case).encode(case["encoding"]))
    before = source.read_bytes()
    out = tmp_path / "ergebnisse.csv"
    code = main(["screen", str(source), "--out", str(out), "--as-of", "2026-11-25"])
    err = capsys.readouterr().err
    assert code == case["exit"], err
    assert "Traceback" not in err and "Interner Fehler" not in err
    for expected in case["expect"]:
        assert expected in err, f"{expected!r} missing in:\n{err}"
    for unwanted in case.get("absent", []):
        assert unwanted not in err, f"{unwanted!r} should not be in:\n{err}"
    assert source.read_bytes() == before
    if case["screened"] is None:
        assert not out.exists()
        return
    raw = out.read_bytes()
    encoding = {"cp1252": "cp1252", "latin-1": "cp1252", "utf-16": "utf-16"}.get(
        case["encoding"], "utf-8-sig"
    )
    text = raw.decode(encoding)
    delimiter = case.get("out_delimiter", ",")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert [row["fall"] for row in rows] == case["screened"]
    assert all(row["p25b"] for row in rows)
    if case["encoding"] in ("cp1252", "utf-16", "utf-8-sig"):
        assert raw.startswith(_bom(case["encoding"]))


def _bom(encoding: str) -> bytes:
    return {"utf-16": b"\xff\xfe", "utf-8-sig": b"\xef\xbb\xbf"}.get(encoding, b"")
