"""The [profile] section: bad input is refused with a German message naming the key and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from replicate.cli import main
from replicate.settings import load_settings

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
CASES = yaml.safe_load((HERE / "bad_profiles.yaml").read_text(encoding="utf-8"))


def _expand(value: Any) -> Any:
    """ "{N}" stands for a text of N characters (a sentence repeated), so the cases stay readable."""
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        size = int(value[1:-1])
        return ("Die Beratung klärt Wege zum Bleiberecht. " * 40)[:size]
    if isinstance(value, list):
        return [_expand(item) for item in value]
    if isinstance(value, dict):
        return {key: _expand(item) for key, item in value.items()}
    return value


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_profile_is_refused(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load((ROOT / "examples" / "landkreis-mittelsachsen.yaml").read_text(encoding="utf-8"))
    data["profile"] = _expand(case["profile"])
    path = tmp_path / "landkreis.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert case["message"] in err
    assert str(path) in err and "Traceback" not in err


def test_check_reports_how_much_of_the_page_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(HERE / "longest.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Kurzbeschreibung 1000 von 1000 Zeichen" in out


def test_edge_cases_sit_at_the_budget() -> None:
    """The page-count tests are only meaningful when their settings use the whole text budget."""
    from replicate.settings.profile import TEXT_BUDGET

    for name in ("longest.yaml", "many.yaml"):
        profile = load_settings(HERE / name).profile
        assert TEXT_BUDGET - 10 <= profile.text_length() <= TEXT_BUDGET, name
    many = load_settings(HERE / "many.yaml").profile
    assert len(many.results) == 3 and len(many.other_sites) == 2 and many.summary is None
