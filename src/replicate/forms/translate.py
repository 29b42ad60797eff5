"""Look up translations; a missing one falls back to the German text, visibly marked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from replicate.forms.catalog import default_dir, po_path, read_catalog
from replicate.forms.mdtext import UNTRANSLATED
from replicate.languages import endonym, is_rtl

__all__ = ["ENDONYMS", "UNTRANSLATED", "Translator", "endonym", "has_catalog", "is_rtl", "translator"]


ENDONYMS = {
    "de": "Deutsch",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "ru": "Русский",
    "uk": "Українська",
    "fr": "Français",
    "tr": "Türkçe",
    "ku": "Kurdî",
    "ps": "پښتو",
    "ti": "ትግርኛ",
    "so": "Soomaali",
}
"""Each language's own name, for the language switch."""


@dataclass
class Translator:
    """``tr(msgid)``: the translation in ``lang``, or ``[DE] msgid`` when there is none."""

    lang: str
    catalog: Catalog | None = None
    missing: list[str] = field(default_factory=list)
    """German messages that fell back, in order of use."""

    def __call__(self, msgid: str) -> str:
        if self.lang == "de":
            return msgid
        message = self.catalog.get(msgid) if self.catalog is not None else None
        if message is not None and message.string and not message.fuzzy:
            return str(message.string)
        self.missing.append(msgid)
        return UNTRANSLATED + msgid


def has_catalog(lang: str, root: Path | None = None) -> bool:
    """Whether the client documents in ``lang`` are translated: German, or a catalog exists in ``root``.

    Without a catalog every text of those documents is German (marked ``[DE]``), so they are German documents
    and carry ``lang="de"``, not the client language's tag.
    """
    return lang == "de" or po_path(lang, root or default_dir()).is_file()


def translator(lang: str, root: Path | None = None) -> Translator:
    """The translator for ``lang`` from the catalogs in ``root`` (default: :func:`default_dir`)."""
    if lang == "de":
        return Translator("de")
    path = po_path(lang, root or default_dir())
    return Translator(lang, read_catalog(path) if path.is_file() else None)
