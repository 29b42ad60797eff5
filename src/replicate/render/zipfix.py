"""Rewrite DOCX/ODT zip containers so that the same content always gives the same bytes.

python-docx and odfdo stamp every zip entry with the current time and use whatever order and
permissions they like. We rewrite the container: fixed entry order (``mimetype`` first and
uncompressed, as ODF requires; ``[Content_Types].xml`` next, as OOXML tools expect; the rest
sorted), timestamps 1980-01-01 00:00:00, Unix permissions 0644 (folders 0755).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("mimetype", "[Content_Types].xml")
_FILE_MODE = 0o100644 << 16
_DIR_MODE = (0o040755 << 16) | 0x10  # Unix mode plus the MS-DOS directory flag


def _order(name: str) -> tuple[int, str]:
    return (_FIRST.index(name) if name in _FIRST else len(_FIRST), name)


def normalize_zip_bytes(data: bytes) -> bytes:
    """Return ``data`` (a zip file) rewritten deterministically."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=_order):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.create_system = 3  # Unix, so that external_attr means the same everywhere
            info.external_attr = _DIR_MODE if name.endswith("/") else _FILE_MODE
            stored = name == "mimetype" or name.endswith("/")
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()


def normalize_zip(path: Path) -> None:
    """Rewrite the zip file at ``path`` in place (see :func:`normalize_zip_bytes`)."""
    path.write_bytes(normalize_zip_bytes(path.read_bytes()))
