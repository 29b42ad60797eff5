"""One progress style for every long command (``new``, ``update``, ``screen``): a rich bar on stderr.

The bar shows only on a terminal: when stderr is a file or a pipe, under ``CI=true`` or with ``--quiet``
nothing is drawn, so logs and test output stay stable. It disappears when the work is done.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def stderr_console() -> Console:
    """The console for messages and progress: stderr, plain text (no markup read from user values)."""
    return Console(stderr=True, soft_wrap=True, markup=False, highlight=False)


def shows_progress(console: Console, quiet: bool = False) -> bool:
    """Whether a bar is drawn: on a terminal, outside CI, unless asked to be quiet."""
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return console.is_terminal and not ci and not quiet


def progress_bar(console: Console, quiet: bool = False) -> Progress:
    """The house bar: what is being done, the bar, done of total, time so far."""
    return Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not shows_progress(console, quiet),
    )


@contextmanager
def step_progress(
    console: Console, description: str, quiet: bool = False
) -> Iterator[Callable[[str, int, int], None]]:
    """A ``progress(step, done, total)`` callback (as :func:`replicate.kit.new_kit` takes) drawing the bar."""
    with progress_bar(console, quiet) as bar:
        task = bar.add_task(description, total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=f"{description}: {step}", completed=done, total=total)

        yield progress
