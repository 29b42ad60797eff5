"""German words for the operating system's file errors (its own texts depend on the locale, often English)."""

from __future__ import annotations

import errno

_WORDS = {
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.ENOENT: "Datei oder Ordner nicht gefunden",
    errno.EISDIR: "ist ein Ordner",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger",
    errno.EROFS: "Datenträger ist schreibgeschützt",
    errno.ENAMETOOLONG: "Dateiname zu lang",
    errno.ELOOP: "zu viele verkettete Verknüpfungen",
    errno.EIO: "Lese- oder Schreibfehler des Datenträgers",
}


def reason(exc: OSError) -> str:
    """Why a file operation failed, in German (with the error number for anything unusual)."""
    if exc.errno in _WORDS:
        return _WORDS[exc.errno]
    return f"Fehler des Betriebssystems Nr. {exc.errno}" if exc.errno else "Fehler des Betriebssystems"
