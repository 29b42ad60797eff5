"""publiccode.yml: the project's file and a kit's file pass a model that mirrors the official validator."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from replicate.cli import main
from replicate.publiccode import PROJECT_URL, PublicCode, kit_publiccode
from replicate.settings import load_settings

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
PROJECT = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
CASES = yaml.safe_load((HERE / "bad_files.yaml").read_text(encoding="utf-8"))


def _text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return "x" * int(value[1:-1])
    if isinstance(value, dict):
        return {key: _text(item) for key, item in value.items()}
    return value


def _edit(data: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for path, value in case.get("set", {}).items():
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[key]
        node[last] = _text(value)
    if "drop" in case:
        *parents, last = case["drop"].split(".")
        node = data
        for key in parents:
            node = node[key]
        del node[last]
    return data


def test_project_file_is_valid() -> None:
    document = PublicCode.model_validate(PROJECT)
    assert document.publiccodeYmlVersion == "0.4"
    assert document.url == PROJECT_URL
    assert set(document.description) == {"de", "en"}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_model_refuses_what_the_validator_refuses(case: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        PublicCode.model_validate(_edit(PROJECT, case))
    rendered = "\n".join(
        ".".join(str(p) for p in error["loc"]) + ": " + error["msg"] for error in caught.value.errors()
    )
    assert case["error"] in rendered


def test_kit_file_names_this_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "REPLICATE_PROFILE__REPOSITORY_URL", "https://gitlab.opencode.de/lk-mittelsachsen/bleiberecht"
    )
    monkeypatch.setenv("REPLICATE_PROFILE__LICENSE", "CC-BY-4.0")
    monkeypatch.setenv("REPLICATE_KIT__FORMATS", '["html"]')
    dest = tmp_path / "kit"
    assert (
        main(
            [
                "new",
                str(ROOT / "examples" / "landkreis-mittelsachsen.yaml"),
                str(dest),
                "--publiccode",
                "--quiet",
            ]
        )
        == 0
    )
    text = (dest / "publiccode.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    document = PublicCode.model_validate(data)
    assert document.isBasedOn == PROJECT_URL
    assert document.url == "https://gitlab.opencode.de/lk-mittelsachsen/bleiberecht"
    assert document.legal.license == "CC-BY-4.0"
    assert document.localisation.availableLanguages == ["de", "ar", "ru", "en"]
    assert "de" not in {k for k in data if len(k) == 2}  # no country section
    assert "natürliche Person" in text  # the comment that the role must become a person before publishing


def test_publiccode_without_repository_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "kit"
    assert main(["new", str(ROOT / "examples" / "leipzig.toml"), str(dest), "--publiccode"]) == 2
    err = capsys.readouterr().err
    assert "profile.repository_url: Pflichtangabe für --publiccode fehlt" in err
    assert "profile.license" in err
    assert not dest.exists()


def test_kit_file_is_deterministic() -> None:
    settings = load_settings(ROOT / "examples" / "dresden.toml")
    settings.profile.repository_url = "https://example.org/dresden/kit.git"
    settings.profile.license = "CC-BY-SA-4.0"
    assert kit_publiccode(settings) == kit_publiccode(settings)
    assert PublicCode.model_validate(kit_publiccode(settings)).usedBy == ["Landeshauptstadt Dresden"]
