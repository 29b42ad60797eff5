"""Console-script entry point: Ctrl-C or SIGTERM at any moment, even while the command modules are still
being imported, ends with a short German message and exit code 130, never a traceback; work folders are
removed on the way out (a SIGKILL cannot be caught: the next run tidies up after it)."""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run() -> None:
    try:
        signal.signal(signal.SIGTERM, _terminate)
        from replicate.cli import main

        code = main()
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        code = 130
    sys.exit(code)
