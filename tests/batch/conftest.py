"""A batch output built once per session: the three shipped examples plus a Landkreis in Bavaria."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from replicate.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
XSS = "<img src=x onerror=alert(1)>"
EXAMPLES = ("dresden.toml", "landkreis-mittelsachsen.yaml", "leipzig.toml")
"""The examples these tests build (a fixed set, so that a new shipped example changes no expectation)."""


def copy_examples(folder: Path) -> Path:
    """``folder`` with the three examples of :data:`EXAMPLES`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLES:
        shutil.copy(ROOT / "examples" / name, folder / name)
    return folder


def make_list(folder: Path) -> Path:
    """The examples plus one settings file derived from the network defaults (another Land, a church-run service)."""
    copy_examples(folder)
    shared = (DATA / "gemeinsam.toml").read_text(encoding="utf-8")
    shared = shared.replace(
        '[municipality]\nkind = "Landkreis"',
        '[municipality]\nname = "Landkreis Fürth"\nshort_name = "Landkreis Fürth"\nkind = "Landkreis"',
    )
    # a value with HTML in it: every page must show it as text
    shared = shared.replace(
        'project_name = "Perspektive Bleiberecht"', f'project_name = "Perspektive Bleiberecht {XSS}"'
    )
    (folder / "fuerth.toml").write_text(shared, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built with the CLI, HTML only (the formats are the kit's business, not the batch's)."""
    base = tmp_path_factory.mktemp("batch")
    listing = make_list(base / "liste")
    out = base / "kits"
    mp = pytest.MonkeyPatch()
    mp.setenv("REPLICATE_KIT__FORMATS", '["html"]')
    mp.setenv("REPLICATE_KIT__REFERENCE_DATE", "2026-11-25")
    try:
        assert main(["batch", str(listing), "--out", str(out), "--quiet"]) == 0
    finally:
        mp.undo()
    return out
