"""Write a single file atomically: all of it or nothing, and an older file of that name stays intact.

The content goes to a hidden temporary file in the same folder (so the final rename stays on one file
system), is flushed to disk, and then replaces the target in one step. On any failure the temporary file
is removed and the target is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


@contextlib.contextmanager
def _replacing(path: Path, mode: str, **options: Any) -> Iterator[IO[Any]]:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, mode, **options) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def atomic_writer(
    path: Path, encoding: str | None = None, newline: str | None = None, errors: str | None = None
) -> Iterator[IO[str]]:
    """Open a text stream whose content becomes ``path`` when the ``with`` block ends without error."""
    with _replacing(path, "w", encoding=encoding, newline=newline, errors=errors) as stream:
        yield stream


def write_bytes(path: Path, data: bytes, *, make_parents: bool = False) -> None:
    """Replace ``path`` by ``data`` atomically (creating its folders first with ``make_parents``)."""
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    with _replacing(path, "wb") as stream:
        stream.write(data)
