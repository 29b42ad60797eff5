"""Limits of the offline form, so that a huge or hostile file gets a clear message instead of a frozen page.

A real case record is a few kilobytes; the limits leave room for decades of history and are stated in the
messages the form shows.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1024 * 1024
"""Largest file the form loads (1 MB); a larger one is refused before it is read."""

MAX_LIST_ITEMS = 200
"""Most entries of one list (periods, jobs, events …) the form loads or lets the adviser add."""
