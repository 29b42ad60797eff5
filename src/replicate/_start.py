"""Console-script entry point: Ctrl-C at any moment, even while the command modules are still being
imported, ends with a short German message and exit code 130, never a traceback."""

from __future__ import annotations

import sys


def run() -> None:
    try:
        from replicate.cli import main

        code = main()
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        code = 130
    sys.exit(code)
