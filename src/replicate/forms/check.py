"""Which messages a catalog lacks: missing, fuzzy (unchecked) or with broken placeholders."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

from replicate.forms.catalog import po_path, read_catalog
from replicate.forms.messages import source_messages


@dataclass
class CatalogReport:
    """The state of one language's catalog."""

    lang: str
    total: int
    missing: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    """Messages whose translation has other ``{placeholders}`` than the German text."""
    no_catalog: bool = False

    @property
    def ok(self) -> bool:
        return not (self.missing or self.fuzzy or self.placeholders or self.no_catalog)


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in a message."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<ungültige geschweifte Klammern>"}


def check_language(lang: str, root: Path) -> CatalogReport:
    """Compare ``lang``'s catalog against the messages the forms use today."""
    sources = [s.msgid for s in source_messages()]
    report = CatalogReport(lang, total=len(sources))
    if lang == "de":
        return report
    path = po_path(lang, root)
    if not path.is_file():
        report.no_catalog = True
        report.missing = sources
        return report
    catalog = read_catalog(path)
    for msgid in sources:
        message = catalog.get(msgid)
        if message is None or not message.string:
            report.missing.append(msgid)
        elif message.fuzzy:
            report.fuzzy.append(msgid)
        elif placeholders(str(message.string)) != placeholders(msgid):
            report.placeholders.append(msgid)
    return report
