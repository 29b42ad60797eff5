"""Deterministic zip containers for DOCX and ODT: the same content always gives the same bytes.

Entry order is fixed (``mimetype`` first and uncompressed, as ODF requires; ``[Content_Types].xml``
next, as OOXML tools expect; the rest sorted), timestamps are 1980-01-01 00:00:00, Unix permissions
0644 (folders 0755). Our renderers build their packages from :class:`Entry` objects and
:func:`write_zip`, so the parts shared by every document are compressed once per process; any other
zip (e.g. one written by python-docx or odfdo) can be rewritten with :func:`normalize_zip_bytes`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

_FIRST = ("mimetype", "[Content_Types].xml")
_FILE_MODE = 0o100644 << 16
_DIR_MODE = (0o040755 << 16) | 0x10  # Unix mode plus the MS-DOS directory flag
_DOS_TIME = 0
_DOS_DATE = (1 << 5) | 1  # 1980-01-01
_VERSION = 20  # "2.0": deflate and folders, as Python's zipfile writes
_MADE_BY = (3 << 8) | _VERSION  # Unix, so that external_attr means the same everywhere
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


def zip_order(name: str) -> tuple[int, str]:
    """Sort key of an entry name: ``mimetype``, ``[Content_Types].xml``, then the rest by name."""
    return (_FIRST.index(name) if name in _FIRST else len(_FIRST), name)


@dataclass(frozen=True, slots=True)
class Entry:
    """One zip entry, already compressed (build it with :meth:`make`)."""

    name: str
    crc: int
    size: int
    data: bytes
    """The stored bytes: raw deflate data, or the content itself for ``mimetype`` and folders."""
    deflated: bool

    @classmethod
    def make(cls, name: str, content: bytes) -> Entry:
        """Compress ``content`` (deflate level 6) unless it is ``mimetype`` or a folder."""
        crc = zlib.crc32(content)
        if name == "mimetype" or name.endswith("/"):
            return cls(name, crc, len(content), content, False)
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, crc, len(content), packer.compress(content) + packer.flush(), True)


def write_zip(entries: Iterable[Entry]) -> bytes:
    """A zip file of ``entries`` in :func:`zip_order`, with fixed timestamps and permissions."""
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    ordered = sorted(entries, key=lambda entry: zip_order(entry.name))
    for entry in ordered:
        name = entry.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800
        method = zipfile.ZIP_DEFLATED if entry.deflated else zipfile.ZIP_STORED
        mode = _DIR_MODE if entry.name.endswith("/") else _FILE_MODE
        fields = (_DOS_TIME, _DOS_DATE, entry.crc, len(entry.data), entry.size, len(name))
        header = _LOCAL.pack(0x04034B50, _VERSION, flags, method, *fields, 0)
        local += (header, name, entry.data)
        central.append(
            _CENTRAL.pack(0x02014B50, _MADE_BY, _VERSION, flags, method, *fields, 0, 0, 0, 0, mode, offset)
            + name
        )
        offset += len(header) + len(name) + len(entry.data)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(ordered), len(ordered), len(directory), offset, 0)
    return b"".join(local) + directory + end


def read_entries(data: bytes) -> dict[str, bytes]:
    """The uncompressed content of every entry of the zip file ``data``, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return {info.filename: source.read(info) for info in source.infolist()}


def normalize_zip_bytes(data: bytes) -> bytes:
    """Return ``data`` (a zip file) rewritten deterministically."""
    return write_zip(Entry.make(name, content) for name, content in read_entries(data).items())
