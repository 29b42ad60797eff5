"""The gettext catalogs of the forms: where they live, reading, extracting, merging, starting a language.

Catalogs are plain ``.po`` files read with Babel; the msgid is the German text. Nothing needs compiling to
use them, but :func:`compile_catalog` proves that each one compiles to ``.mo``.
"""

from __future__ import annotations

import io
import os
from importlib import resources
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from replicate.errors import InputError, Problem
from replicate.forms.messages import source_messages

DOMAIN = "forms"
PROJECT = "replicate forms"
ENV_DIR = "REPLICATE_FORMS_LOCALES"
"""Environment variable naming a folder of catalogs that replaces the built-in one (for NGO networks)."""


def default_dir() -> Path:
    """The catalog folder: ``$REPLICATE_FORMS_LOCALES`` if set, else the one inside the package."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    return Path(str(resources.files("replicate.forms").joinpath("locales")))


def po_path(lang: str, root: Path) -> Path:
    """``<root>/<lang>/LC_MESSAGES/forms.po``."""
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(root: Path) -> Path:
    return root / f"{DOMAIN}.pot"


def languages(root: Path) -> list[str]:
    """Languages that have a catalog in ``root``, sorted."""
    return sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path) -> Catalog:
    """Parse one ``.po``/``.pot`` file; a broken file is an :class:`InputError` naming it."""
    try:
        with path.open("rb") as fh:
            return read_po(fh, abort_invalid=True)
    except OSError as exc:
        raise InputError(path, [Problem(f"Katalog nicht lesbar: {exc.strerror}")]) from None
    except Exception as exc:  # Babel raises PoFileError and ValueError for broken files
        raise InputError(path, [Problem(f"Katalog fehlerhaft: {exc}")]) from None


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
    path.write_bytes(buffer.getvalue())


HEADER = """\
# Texts of replicate's client forms ({lang}). msgid = the German text; msgstr = the translation.
# Edit with any PO editor (Poedit, Lokalize, Weblate); see docs/i18n.md. Placeholders like {{email}} stay.
#"""


def new_catalog(lang: str | None) -> Catalog:
    """An empty catalog (``lang=None``: the template) with replicate's header."""
    locale = Locale.parse(lang) if lang else None
    return Catalog(
        project=PROJECT,
        version="1",
        locale=locale,
        fuzzy=False,
        header_comment=HEADER.format(lang=lang or "Vorlage"),
        last_translator="replicate contributors",
        language_team=f"{lang or 'xx'} (Übersetzungsteam, siehe docs/i18n.md)",
    )


def template() -> Catalog:
    """The catalog template: every German message, with where it is used as a comment."""
    pot = new_catalog(None)
    for source in source_messages():
        pot.add(source.msgid, auto_comments=[source.context])
    return pot


def extract(root: Path) -> Path:
    """Write ``forms.pot`` from the form definition and the consent texts; returns its path."""
    path = pot_path(root)
    _write(template(), path)
    return path


def update(root: Path) -> list[Path]:
    """Merge the current template into every catalog (new messages empty, vanished ones obsolete)."""
    pot = template()
    written = []
    for lang in languages(root):
        path = po_path(lang, root)
        catalog = read_catalog(path)
        catalog.update(pot, no_fuzzy_matching=True)
        _write(catalog, path)
        written.append(path)
    return written


def init(lang: str, root: Path) -> Path:
    """Start the catalog of a new language from the template; refuses to overwrite one."""
    path = po_path(lang, root)
    if path.exists():
        raise InputError(
            path, [Problem("den Katalog gibt es schon", hint="replicate i18n update ergänzt ihn.")]
        )
    try:
        catalog = new_catalog(lang)
    except (UnknownLocaleError, ValueError):
        raise InputError(
            lang, [Problem("unbekanntes Sprachkürzel", hint="ISO-639-1-Kürzel verwenden, z. B. fr, tr, ti.")]
        ) from None
    catalog.update(template(), no_fuzzy_matching=True)
    _write(catalog, path)
    return path


def compile_catalog(path: Path) -> bytes:
    """The ``.mo`` bytes of one catalog (fuzzy entries left out, as gettext does)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(path), use_fuzzy=False)
    return buffer.getvalue()
