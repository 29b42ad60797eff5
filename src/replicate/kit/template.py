"""Where the Copier template lives: next to the sources in a checkout, inside the package when installed."""

from __future__ import annotations

from pathlib import Path

from replicate.errors import KitError

_PACKAGE = Path(__file__).resolve().parent.parent


def template_path() -> Path:
    """The folder that holds ``copier.yml``."""
    candidates = [_PACKAGE / "_template", _PACKAGE.parent.parent / "template"]
    for candidate in candidates:
        if (candidate / "copier.yml").is_file():
            return candidate
    raise KitError(
        "Die Kit-Vorlage (template/copier.yml) wurde nicht gefunden. Installieren Sie replicate neu: "
        "pip install -e ."
    )
