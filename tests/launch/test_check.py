"""`replicate check` reports launch-plan conflicts as notes and refuses bad financing settings (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from replicate.cli import main

from .helpers import write_settings

HERE = Path(__file__).parent
SCHEDULE = yaml.safe_load((HERE / "schedule_cases.yaml").read_text(encoding="utf-8"))
FINANCING = yaml.safe_load((HERE / "bad_financing.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SCHEDULE, ids=[c["name"] for c in SCHEDULE])
def test_check_reports_launch_conflicts(
    case: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPLICATE_KIT__REFERENCE_DATE", raising=False)
    path = write_settings(tmp_path, Path(case["base"]).name, case["set"], case["reference_date"])
    assert main(["check", str(path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for expected in case["expect"]:
        assert expected in out, out
    for absent in case["absent"]:
        assert absent not in out, out


@pytest.mark.parametrize("case", FINANCING, ids=[c["name"] for c in FINANCING])
def test_check_refuses_bad_financing(
    case: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPLICATE_KIT__REFERENCE_DATE", raising=False)
    path = write_settings(tmp_path, "landkreis-mittelsachsen.yaml", case["set"], "2026-11-25")
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    err = " ".join(captured.err.split())
    assert "Traceback" not in err
    assert str(path) in err
    for expected in case["expect"]:
        assert expected in err, err


def test_good_financing_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_settings(tmp_path, "landkreis-mittelsachsen.yaml", {}, "2026-11-25")
    assert main(["check", str(path)]) == 0
    assert "in Ordnung" in capsys.readouterr().out
