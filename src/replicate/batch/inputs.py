"""What a kit of a batch was built from: digests of its settings and of replicate's template and data.

``replicate batch --resume`` compares them with the record written after the last successful build
and skips the kit when nothing changed. The records live in the batch output, one file per kit
(``.replicate-batch/<folder>.json``), so that shards running at the same time never share a file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from replicate import __version__
from replicate.atomicio import write_bytes
from replicate.kit.template import template_path
from replicate.settings import Settings

RECORDS = ".replicate-batch"
"""Folder of the build records inside the batch output."""


@dataclass(frozen=True)
class Inputs:
    """The recorded inputs of one kit."""

    settings_digest: str
    template_digest: str
    replicate_version: str


def settings_digest(settings: Settings) -> str:
    """SHA-256 of the validated settings (after ``REPLICATE_*`` overrides) and of the logo and Word template files."""
    digest = hashlib.sha256()
    digest.update(json.dumps(settings.template_data(), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for path in (settings.kit.logo, settings.kit.reference_docx):
        digest.update(b"\0" + (path.read_bytes() if path is not None else b""))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def template_digest() -> str:
    """SHA-256 over the Copier template and the data replicate copies into every kit (rules, forms, indicators)."""
    package = Path(__file__).resolve().parents[1]
    roots = [template_path(), package / "rules" / "data", package / "forms", package / "indicators"]
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(
                path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0"
            )
    return digest.hexdigest()


def inputs_of(settings: Settings) -> Inputs:
    return Inputs(settings_digest(settings), template_digest(), __version__)


def read_record(out: Path, folder: str) -> dict[str, Any] | None:
    """The record of ``folder``'s last successful build, or ``None``."""
    path = out / RECORDS / f"{folder}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def unchanged(out: Path, folder: str, inputs: Inputs) -> bool:
    """Whether the kit exists and was built from exactly these inputs."""
    record = read_record(out, folder)
    if record is None or not (out / folder / ".copier-answers.yml").is_file():
        return False
    return all(record.get(key) == value for key, value in asdict(inputs).items())


def write_record(out: Path, folder: str, inputs: Inputs, settings: Settings) -> None:
    """Record the inputs and the settings (the catalogue reads them) after a successful build."""
    record = {"folder": folder, **asdict(inputs), "settings": settings.template_data()}
    text = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_bytes(out / RECORDS / f"{folder}.json", text.encode("utf-8"), make_parents=True)
