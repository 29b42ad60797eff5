"""`template/` is a real Copier template: plain `copier copy` with a data file works without replicate."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from .conftest import REFERENCE_DATE, ROOT


def test_plain_copier_copy_matches_replicate(tmp_path: Path, dresden_kit: Path) -> None:
    # The data file a user would write by hand: the example's sections in YAML, with a reference date.
    data = tomllib.loads((ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8"))
    data["kit"]["reference_date"] = REFERENCE_DATE
    data_file = tmp_path / "daten.yml"
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    dest = tmp_path / "kit"
    # Run Copier's own CLI in a child process whose import path cannot see replicate's sources.
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPLICATE_")}
    code = (
        "import sys; sys.path = [p for p in sys.path if 'replicate' not in p and '/src' not in p]; "
        "from copier.__main__ import CopierApp; CopierApp.run()"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "copy",
            "--defaults",
            "--data-file",
            str(data_file),
            str(ROOT / "template"),
            str(dest),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in ("README.md", "projekt/projektsteckbrief.md"):
        plain = (dest / name).read_text(encoding="utf-8")
        assert plain == (dresden_kit / name).read_text(encoding="utf-8"), name
    answers = yaml.safe_load((dest / ".copier-answers.yml").read_text(encoding="utf-8"))
    assert answers["municipality"]["name"] == "Landeshauptstadt Dresden"


def test_plain_copier_names_a_missing_key(tmp_path: Path) -> None:
    data = tomllib.loads((ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8"))
    data["kit"]["reference_date"] = REFERENCE_DATE
    del data["authority"]["phone"]
    data_file = tmp_path / "daten.yml"
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "copier",
            "copy",
            "--defaults",
            "--data-file",
            str(data_file),
            str(ROOT / "template"),
            str(tmp_path / "kit"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "authority.phone fehlt" in result.stdout + result.stderr
