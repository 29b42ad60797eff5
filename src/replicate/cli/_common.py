"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any

PIPE_CLOSED = 141
"""Exit code when the reader of our output went away (``replicate … | head``): 128 + SIGPIPE, what a shell
reports for ``cat`` or ``grep`` in the same place, so ``set -o pipefail`` scripts see it like theirs."""


def add_command(
    sub: Any,
    name: str,
    *,
    help: str,
    description: str,
    example: str,
    func: Callable[[argparse.Namespace], int] | None = None,
) -> argparse.ArgumentParser:
    """Add a subcommand whose ``--help`` ends with a worked example.

    ``func`` runs the command; a command group sets its own (e.g. printing its help) after creation.
    """
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=f"Beispiel:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if func is not None:
        parser.set_defaults(func=func)
    return parser


def show_help(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """A command function for a command group called without its sub-command: print its help, exit 2."""

    def show(args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    return show


def reader_gone() -> int:
    """The reader of standard output closed the pipe: stop quietly, as Unix tools do (no message, no
    traceback). Output still buffered goes to the null device, so the interpreter's final flush cannot
    fail again."""
    with contextlib.suppress(OSError, ValueError):  # a captured stream in tests has no file descriptor
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    return PIPE_CLOSED
