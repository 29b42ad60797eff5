"""Fixtures of the report tests: one demo caseload and its report, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from replicate.cli import main
from tests.report.helpers import ROOT

PERIOD = "2025-01-01..2025-12-31"
SETTINGS = ROOT / "examples" / "landkreis-mittelsachsen.yaml"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("report")
    assert main(["demo-caseload", "300", "--seed", "4", "--out", str(work / "demo.csv")]) == 0
    assert (
        main(
            [
                "report",
                str(work / "demo.csv"),
                "--settings",
                str(SETTINGS),
                "--period",
                PERIOD,
                "--out",
                str(work / "bericht"),
                "--quiet",
            ]
        )
        == 0
    )
    return work
