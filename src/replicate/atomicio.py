"""Write a single file atomically: all of it or nothing, and an older file of that name stays intact.

The content goes to a hidden temporary file in the same folder (so the final rename stays on one file
system), is flushed to disk, and then replaces the target in one step. On any failure the temporary file
is removed and the target is untouched. :func:`write_new` never replaces anything: it gives the finished
file its name only if no file has that name, even one that appeared while it was being written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any


def _link_new(temp: str, path: Path) -> None:
    """Name the finished ``temp`` ``path`` unless that exists (a hard link is atomic and never replaces)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some network shares): check, then rename
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(temp, path)
        return
    os.unlink(temp)


@contextlib.contextmanager
def _replacing(
    path: Path, mode: str, commit: Callable[[str, Path], None] = os.replace, **options: Any
) -> Iterator[IO[Any]]:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, mode, **options) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        commit(temp, path)
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


def write_new(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Create ``path`` with ``text`` atomically; raise :class:`FileExistsError` (and write nothing) when a
    file of that name exists, also one that appeared while the text was being written."""
    if os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    with _replacing(path, "w", _link_new, encoding=encoding, newline="") as stream:
        stream.write(text)
