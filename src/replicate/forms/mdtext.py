"""Small helpers for writing Markdown that the kit's renderer understands."""

from __future__ import annotations

import re

WRITE_IN = "______________________________"
"""A line to write on by hand (a run of underscores; alone on a line it becomes a full write-in line)."""

UNTRANSLATED = "[DE] "
"""Put before a German text shown because its translation is missing, so the adviser sees it."""

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(value: str) -> str:
    """A value from settings or a user as literal Markdown text (same characters as the template's ``t()``)."""
    return _SPECIAL.sub(r"\\\1", value)
