"""A reader that goes away (``replicate … | head -1``) ends the command quietly, as with Unix tools.

Each command runs in a real subprocess whose standard output is a pipe; the reading end is closed at once
(what ``head -1`` does after its line), so every write of the command meets a closed pipe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from replicate.cli._common import PIPE_CLOSED
from tests.rules.base_case import base_case

ROOT = Path(__file__).resolve().parents[1]


def _run_into_closed_pipe(args: list[str]) -> tuple[int, str]:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes anything
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # every print hits the pipe at once, not only at exit
    env.pop("REPLICATE_DEBUG", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "replicate", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            timeout=300,
            check=False,
        )
    finally:
        os.close(write)
    return done.returncode, done.stderr.decode("utf-8", "replace")


def _case(tmp_path: Path) -> Path:
    case = base_case(case_id="LK-GR-7", livelihood={"share_covered_by_work": 60, "secured_now": True})
    path = tmp_path / "fall.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["check", "examples/landkreis-goerlitz-caritas.toml"],
        ["rules", "show", "p25b", "--as-of", "2026-11-25"],
        ["screen", "FALL", "--as-of", "2026-11-25"],
    ],
    ids=["check", "rules-show", "screen"],
)
def test_closed_pipe_ends_quietly(args: list[str], tmp_path: Path) -> None:
    args = [str(_case(tmp_path)) if a == "FALL" else a for a in args]
    code, stderr = _run_into_closed_pipe(args)
    assert code == PIPE_CLOSED, stderr
    assert "Interner Fehler" not in stderr and "Traceback" not in stderr and "Exception" not in stderr
    assert stderr == ""


def test_pipe_closed_after_first_line_with_head(tmp_path: Path) -> None:
    """The same with the real shell pipeline from the issue: ``| head -1``."""
    command = f"{sys.executable} -m replicate rules show p25b --as-of 2026-11-25 | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, cwd=ROOT, timeout=300, check=False
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert len(done.stdout.decode("utf-8").splitlines()) == 1
    assert (
        done.returncode in (0, PIPE_CLOSED) and "Interner Fehler" not in stderr and "Traceback" not in stderr
    )
