"""The kit's logo file: written once beside the HTML pages, which show it by a relative link.

DOCX, ODT and PDF are self-contained packages and embed the logo each; the HTML pages of a kit share one
copy (``bilder/logo.png`` and so on), so a 1 MB logo adds 1 MB to the kit's web pages, not 1 MB per page.
The file is a generated file of the kit: its state records it, ``status`` reports it when edited or
deleted, and ``update`` writes it anew (the pages need it).
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from replicate.settings import Settings

LOGO_DIR = "bilder"
"""Folder of the logo file inside the kit (German, like every folder a user opens)."""


def logo_asset(settings: Settings) -> str | None:
    """Path of the logo file relative to the kit (``bilder/logo.png``), None without a logo or HTML."""
    logo = settings.kit.logo
    if logo is None or "html" not in settings.kit.formats:
        return None
    return f"{LOGO_DIR}/logo{logo.suffix.lower()}"


def is_logo_asset(relative: str) -> bool:
    """Whether ``relative`` (with ``/``) is a kit's logo file."""
    path = PurePosixPath(relative)
    return path.parent.as_posix() == LOGO_DIR and path.stem == "logo"


def logo_href(asset: str, document: Path) -> str:
    """The logo's address as seen from the HTML page of ``document`` (relative to the kit)."""
    return "../" * (len(document.parts) - 1) + asset


def write_logo(settings: Settings, kit_dir: Path) -> Path | None:
    """Copy the logo byte for byte into the kit; return its path, None when the kit needs no logo file."""
    asset = logo_asset(settings)
    if asset is None or settings.kit.logo is None:
        return None
    target = kit_dir / asset
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(settings.kit.logo, target)
    return target
