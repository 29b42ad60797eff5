"""Left-to-right values in right-to-left documents: each run of Latin text is wrapped in Unicode isolates.

Without isolation the bidirectional algorithm lets neutral characters at the edge of a German phrase join the
Arabic context: "Rechtlich verbindlich … dem Verständnis." is shown as ".dem Verständnis", and "e.V." or a
quoted name jumps. FIRST STRONG ISOLATE (U+2068) … POP DIRECTIONAL ISOLATE (U+2069) keeps each run together;
DOCX, ODT and PDF (Typst) carry the characters, HTML turns them into ``<bdi>`` elements.
"""

from __future__ import annotations

import unicodedata

FSI = "\u2068"
PDI = "\u2069"
_ISOLATES = {"\u2066", "\u2067", FSI, PDI}
_TRAILING = set(".,;:!?")
_PAIRS = {"(": ")", "[": "]", "„": "“", "«": "»", "»": "«", "“": "”", '"': '"', "'": "'", "‹": "›"}


def _strong(char: str) -> str:
    """ "L" or "R" for strong characters; right-to-left punctuation (Arabic comma, …) also ends a run."""
    kind = unicodedata.bidirectional(char)
    if kind == "L":
        return "L"
    code = ord(char)
    if (
        kind in ("R", "AL")
        or 0x0590 <= code <= 0x08FF
        or 0xFB1D <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    ):
        return "R"
    return ""


def isolate(text: str) -> str:
    """``text`` with every left-to-right run wrapped in FSI … PDI (existing isolate characters removed)."""
    text = "".join(c for c in text if c not in _ISOLATES)
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        if _strong(text[i]) != "L":
            out.append(text[i])
            i += 1
            continue
        start = i
        end = i + 1  # one past the last strong L of the run
        j = i + 1
        while j < n and _strong(text[j]) != "R":
            if _strong(text[j]) == "L":
                end = j + 1
            j += 1
        while end < n and text[end] in _TRAILING:
            end += 1
        if out and out[-1] in _PAIRS and end < n and text[end] == _PAIRS[out[-1]]:
            opener = out.pop()
            out.append(FSI + opener + text[start : end + 1] + PDI)
            i = end + 1
            continue
        out.append(FSI + text[start:end] + PDI)
        i = end
    return "".join(out)


def bdi_html(escaped: str) -> str:
    """HTML text (already escaped) with isolates as ``<bdi>`` elements."""
    return escaped.replace(FSI, "<bdi>").replace(PDI, "</bdi>")
