"""Building a batch: parallel, a failing or crashing kit does not stop the others, summary, resume."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from replicate.batch import BUILT, CRASHED, FAILED, UNCHANGED, Outcome, build_all, read_entries
from replicate.batch.run import Task
from replicate.cli import main
from tests.batch.conftest import ROOT, copy_examples, make_list

FOLDERS = ["dresden", "fuerth", "landkreis-mittelsachsen", "leipzig"]


def test_every_kit_is_built_with_its_profile(batch_out: Path) -> None:
    for folder in FOLDERS:
        assert (batch_out / folder / ".copier-answers.yml").is_file(), folder
        assert (batch_out / folder / "projekt" / "praxisprofil.html").is_file(), folder
    assert not list(batch_out.glob(".*.replicate-*"))  # no staging folder left behind


def test_summary_csv_and_json(batch_out: Path) -> None:
    with (batch_out / "zusammenfassung.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["Ordner"] for row in rows] == FOLDERS
    assert {row["Status"] for row in rows} == {BUILT}
    assert rows[1]["Kommune"] == "Landkreis Fürth"
    assert all(float(row["Dauer (s)"]) > 0 for row in rows)
    data = json.loads((batch_out / "zusammenfassung.json").read_text(encoding="utf-8"))
    assert data["counts"] == {BUILT: 4}
    assert [kit["folder"] for kit in data["kits"]] == FOLDERS
    assert set(data["kits"][0]) == {"municipality", "folder", "status", "problems", "seconds"}


def test_resume_rebuilds_nothing_when_nothing_changed(
    batch_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = make_list(tmp_path / "liste")
    monkeypatch.setenv("REPLICATE_KIT__FORMATS", '["html"]')
    monkeypatch.setenv("REPLICATE_KIT__REFERENCE_DATE", "2026-11-25")
    stamps = {f: (batch_out / f / "index.html").stat().st_mtime_ns for f in FOLDERS}
    assert main(["batch", str(listing), "--out", str(batch_out), "--resume", "--quiet"]) == 0
    assert "Nichts hat sich geändert" in capsys.readouterr().out
    assert {f: (batch_out / f / "index.html").stat().st_mtime_ns for f in FOLDERS} == stamps
    data = json.loads((batch_out / "zusammenfassung.json").read_text(encoding="utf-8"))
    assert data["counts"] == {UNCHANGED: 4}

    # another reference date is another input: every kit is rebuilt
    monkeypatch.setenv("REPLICATE_KIT__REFERENCE_DATE", "2026-12-01")
    entries = read_entries(listing)
    outcomes = build_all(entries[:1], batch_out, resume=True, workers=1)
    assert [o.status for o in outcomes] == [BUILT]
    assert (batch_out / "dresden" / "index.html").stat().st_mtime_ns != stamps["dresden"]


def test_failing_kit_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPLICATE_KIT__FORMATS", '["html"]')
    listing = tmp_path / "liste"
    listing.mkdir()
    for name in ("leipzig.toml", "landkreis-mittelsachsen.yaml"):
        (listing / name).write_bytes((ROOT / "examples" / name).read_bytes())
    out = tmp_path / "kits"
    (out / "leipzig").mkdir(parents=True)
    (out / "leipzig" / "eigene-notizen.txt").write_text("nicht von replicate", encoding="utf-8")
    assert main(["batch", str(listing), "--out", str(out), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "leipzig (Stadt Leipzig): fehlgeschlagen" in captured.err
    assert "enthält kein von replicate gebautes Kit" in " ".join(captured.err.split())
    assert (out / "leipzig" / "eigene-notizen.txt").read_text(encoding="utf-8") == "nicht von replicate"
    assert (out / "landkreis-mittelsachsen" / "index.html").is_file()
    rows = list(csv.DictReader((out / "zusammenfassung.csv").open(encoding="utf-8")))
    assert [(r["Ordner"], r["Status"]) for r in rows] == [
        ("landkreis-mittelsachsen", BUILT),
        ("leipzig", FAILED),
    ]
    assert "enthält kein von replicate gebautes Kit" in rows[1]["Probleme"]


def crash_in_leipzig(task: Task) -> Outcome:
    """A worker that dies like a process killed for lack of memory when it reaches Leipzig."""
    if task.entry.folder == "leipzig":
        os._exit(9)
    return Outcome(task.entry.folder, task.entry.settings.municipality.name, BUILT, [], 0.01)


def test_crashed_worker_does_not_stop_the_batch(tmp_path: Path) -> None:
    entries = read_entries(copy_examples(tmp_path / "liste"))
    outcomes = build_all(entries, tmp_path / "kits", workers=2, worker=crash_in_leipzig)
    status = {o.folder: o.status for o in outcomes}
    assert status == {"dresden": BUILT, "landkreis-mittelsachsen": BUILT, "leipzig": CRASHED}
    crashed = next(o for o in outcomes if o.status == CRASHED)
    assert "unerwartet beendet" in crashed.problems[0]


def test_shard_writes_its_own_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLICATE_KIT__FORMATS", '["html"]')
    out = tmp_path / "kits"
    listing = copy_examples(tmp_path / "liste")
    assert main(["batch", str(listing), "--out", str(out), "--shard", "2/2", "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "landkreis-mittelsachsen", "zusammenfassung-2-von-2.csv", "zusammenfassung-2-von-2.json",
    ]  # fmt: skip
