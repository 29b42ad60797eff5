"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


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
