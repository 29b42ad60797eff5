"""One progress style for ``new``, ``update`` and ``screen``: a rich bar on a terminal, nothing otherwise."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from replicate.cli import main
from replicate.cli._progress import shows_progress, step_progress


def _terminal(buffer: io.StringIO) -> Console:
    return Console(file=buffer, force_terminal=True, width=100, markup=False, highlight=False)


def test_bar_on_a_terminal_shows_the_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    buffer = io.StringIO()
    console = _terminal(buffer)
    assert shows_progress(console)
    with step_progress(console, "Kit wird gebaut") as progress:
        progress("Dokument vereinbarung/[bold]x[/bold].md", 3, 40)
    bar = buffer.getvalue()  # the last frame drawn before the bar was cleared away
    assert "Kit wird gebaut: Dokument vereinbarung/[bold]x[/bold].md" in bar  # no markup from file names
    assert "3/40" in bar


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_no_bar_under_ci(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    buffer = io.StringIO()
    console = _terminal(buffer)
    assert not shows_progress(console)
    with step_progress(console, "Kit wird gebaut") as progress:
        progress("Dokument README.md", 1, 2)
    assert buffer.getvalue() == ""


def test_no_bar_when_quiet_or_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert not shows_progress(_terminal(io.StringIO()), quiet=True)
    assert not shows_progress(Console(file=io.StringIO()))


def test_new_into_a_log_file_prints_only_the_announcement_and_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPLICATE_KIT__FORMATS", json.dumps(["html"]))
    monkeypatch.setenv("REPLICATE_KIT__REFERENCE_DATE", "2026-11-25")
    dest = tmp_path / "kit"
    settings = Path(__file__).resolve().parents[1] / "examples" / "landkreis-mittelsachsen.yaml"
    assert main(["new", str(settings), str(dest)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"Baue das Kit „Perspektive Bleiberecht Mittelsachsen“ nach {dest} …"
    ]
    assert captured.out.startswith("Fertig: ")
