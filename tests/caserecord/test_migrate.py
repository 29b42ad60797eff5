"""``replicate caserecord migrate``: version-1 files become version 2, nothing else changes, nothing is damaged."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from replicate.caserecord import case_schema
from replicate.cli import main

V1 = {"case_id": "LK-7", "schema_version": "1", "birth_date": "1990-05-01", "convictions": []}


def test_single_json_is_upgraded_keeping_fields_and_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "alt.json", tmp_path / "neu.json"
    old.write_text(json.dumps(V1), encoding="utf-8")
    assert main(["caserecord", "migrate", str(old), str(new)]) == 0
    data = json.loads(new.read_text(encoding="utf-8"))
    assert list(data) == ["schema_version", "case_id", "birth_date", "convictions"]
    assert data["schema_version"] == "2"
    jsonschema.validate(data, case_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(V1, case_schema())  # why the command exists: the schema knows version 2 only
    assert "1 Fallakten" in capsys.readouterr().out
    assert json.loads(old.read_text(encoding="utf-8")) == V1


def test_jsonl_and_array(tmp_path: Path) -> None:
    old, new = tmp_path / "faelle.jsonl", tmp_path / "faelle2.jsonl"
    old.write_text(json.dumps(V1) + "\n\n" + json.dumps({"case_id": "ohne-version"}) + "\n", encoding="utf-8")
    assert main(["caserecord", "migrate", str(old), str(new)]) == 0
    lines = [json.loads(x) for x in new.read_text(encoding="utf-8").splitlines()]
    assert [x["schema_version"] for x in lines] == ["2", "2"]
    arr, arr2 = tmp_path / "liste.json", tmp_path / "liste2.json"
    arr.write_text(json.dumps([V1, V1]), encoding="utf-8")
    assert main(["caserecord", "migrate", str(arr), str(arr2)]) == 0
    assert len(json.loads(arr2.read_text(encoding="utf-8"))) == 2


def test_an_existing_output_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "alt.json", tmp_path / "neu.json"
    old.write_text(json.dumps(V1), encoding="utf-8")
    new.write_text("wichtig", encoding="utf-8")
    assert main(["caserecord", "migrate", str(old), str(new)]) == 2
    assert "gibt es schon" in capsys.readouterr().err
    assert new.read_text(encoding="utf-8") == "wichtig"
    assert main(["caserecord", "migrate", str(old), str(old)]) == 2


def test_bad_entries_are_listed_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "faelle.jsonl", tmp_path / "neu.jsonl"
    bad_event = {
        "case_id": "B",
        "history": [{"date": "2027-05-01", "type": "entscheidung", "pathway": "p25b", "result": "erteilt"}],
    }
    old.write_text(json.dumps(V1) + "\n" + json.dumps(bad_event) + "\n" + '{"name": "x"}\n', encoding="utf-8")
    assert main(["caserecord", "migrate", str(old), str(new)]) == 2
    err = capsys.readouterr().err
    assert "Zeile 2: history.0: Fall „B“, 1. Ereignis" in err and "Zeile 3: name: unbekanntes Feld" in err
    assert "Traceback" not in err
    assert not new.exists() and list(tmp_path.iterdir()) == [old]


def test_csv_is_not_needed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "faelle.csv"
    old.write_text("case_id\nA\n", encoding="utf-8")
    assert main(["caserecord", "migrate", str(old), str(tmp_path / "neu.csv")]) == 2
    assert "CSV-Fallisten brauchen das nicht" in capsys.readouterr().err
    assert main(["caserecord", "migrate", str(tmp_path / "fehlt.json"), str(tmp_path / "x.json")]) == 2


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_failed_write_leaves_the_input_untouched_and_no_partial_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the new file is written: exit 2 in German, the input as it was, nothing else."""
    old = tmp_path / "faelle-kreis-mettmann.jsonl"
    old.write_text(json.dumps(V1) + "\n" + json.dumps({**V1, "case_id": "ME-2"}) + "\n", encoding="utf-8")
    before = _files(tmp_path)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("replicate.atomicio.os.fsync", full_disk)
    assert main(["caserecord", "migrate", str(old), str(tmp_path / "neu.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "kein Platz mehr auf dem Datenträger" in err and "nichts geschrieben" in err
    assert "Traceback" not in err and "Interner Fehler" not in err
    assert _files(tmp_path) == before  # no target, no hidden temporary file, the input byte for byte


def test_a_file_that_appears_meanwhile_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = tmp_path / "alt.json", tmp_path / "neu.json"
    old.write_text(json.dumps(V1), encoding="utf-8")
    real_fsync = __import__("os").fsync

    def someone_else_writes(fd: int) -> None:
        new.write_text("von einem anderen Programm", encoding="utf-8")
        real_fsync(fd)

    monkeypatch.setattr("replicate.atomicio.os.fsync", someone_else_writes)
    assert main(["caserecord", "migrate", str(old), str(new)]) == 2
    assert "inzwischen entstanden" in capsys.readouterr().err
    assert new.read_text(encoding="utf-8") == "von einem anderen Programm"
    assert json.loads(old.read_text(encoding="utf-8")) == V1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.json", "neu.json"]


def test_without_hard_links_the_new_file_is_still_written_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT sticks and some network shares have no hard links: the fallback still refuses to replace."""
    old, new = tmp_path / "alt.json", tmp_path / "neu.json"
    old.write_text(json.dumps(V1), encoding="utf-8")

    def no_links(src: str, dst: Path) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr("replicate.atomicio.os.link", no_links)
    assert main(["caserecord", "migrate", str(old), str(new)]) == 0
    assert json.loads(new.read_text(encoding="utf-8"))["schema_version"] == "2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.json", "neu.json"]
