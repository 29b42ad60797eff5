"""Small helpers for writing XML as text: escaping, a check for forbidden characters, cache keys."""

from __future__ import annotations

import re
from pathlib import Path

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape_text(text: str) -> str:
    """``text`` as XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    """``text`` as a double-quoted XML attribute value (white space kept as character references)."""
    return (
        escape_text(text)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def check_xml_chars(xml: str) -> None:
    """Raise ValueError for control characters that XML 1.0 cannot carry."""
    bad = _INVALID_XML.search(xml)
    if bad is not None:
        raise ValueError(f"das Zeichen U+{ord(bad.group()):04X} ist in XML nicht erlaubt")


def file_key(path: Path | None) -> tuple[str, int, int] | None:
    """A cache key for a file: resolved path, modification time and size (None for no file)."""
    if path is None:
        return None
    stat = path.stat()
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
