"""The supervisor named in Python-built client documents is the one the German template names (the two are
twins: the template must also work under plain Copier, without replicate's Python)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from replicate.kit.build import render_template
from replicate.places.supervisor import service_supervisor
from replicate.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if p.suffix in (".toml", ".yaml"))


def _german_supervisor(settings_path: Path, tmp_path: Path) -> tuple[str, str]:
    settings = load_settings(settings_path)
    render_template(settings, tmp_path / "kit")
    text = (tmp_path / "kit" / "datenschutz" / "datenschutzhinweise.md").read_text(encoding="utf-8")
    lead = "Zuständig für die Beratungsstelle ist "
    flat = re.sub(r"\s+", " ", text)
    assert lead in flat, "the notice names the competent supervisor"
    python = service_supervisor(settings)
    sentence = flat.split(lead, 1)[1]
    # the German sentence is the Python name and its full stop (names may hold full stops themselves)
    return sentence[: len(python) + 1], python + "."


@pytest.mark.parametrize("example", EXAMPLES)
def test_python_and_template_name_the_same_supervisor(
    example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    german, python = _german_supervisor(ROOT / "examples" / example, tmp_path)
    assert german == python


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        (
            {"REPLICATE_ADVICE_SERVICE__DATA_PROTECTION_SUPERVISOR": "das Katholische Datenschutzzentrum"},
            None,
        ),
        ({"REPLICATE_MUNICIPALITY__STATE": "Bayern"}, None),
        ({"REPLICATE_ADVICE_SERVICE__DATA_PROTECTION": "evangelisch"}, "EKD"),
    ],
)
def test_the_twins_agree_for_other_regimes_and_lands(
    variables: dict[str, str], expected: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    german, python = _german_supervisor(ROOT / "examples" / "leipzig.toml", tmp_path)
    assert german == python
    if expected:
        assert expected in python
