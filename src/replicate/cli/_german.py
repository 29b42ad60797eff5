"""German wording for argparse (usage, help headings, argument errors) through its supported hooks.

Instead of replacing argparse's module-level gettext function, :class:`GermanParser` uses what argparse
offers for this: ``add_help=False`` with our own ``-h/--help``, argument groups with German titles,
a ``formatter_class`` whose usage line starts with „Aufruf:“, and an overridden :meth:`error` (documented
as the way to change error output) that words the message in German.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

POSITIONALS = "Angaben"
OPTIONALS = "Optionen"
USAGE = "Aufruf: "

_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), german)
    for pattern, german in (
        (r"^the following arguments are required: (?P<a>.*)$", "es fehlen Angaben: {a}"),
        (r"^unrecognized arguments: (?P<a>.*)$", "unbekannte Angaben: {a}"),
        (
            r"^argument (?P<a>[^:]+): invalid choice: (?P<v>.*?) \(choose from (?P<c>.*)\)$",
            "Angabe {a}: ungültige Wahl {v} (möglich: {c})",
        ),
        (r"^argument (?P<a>[^:]+): expected one argument$", "Angabe {a}: erwartet einen Wert"),
        (
            r"^argument (?P<a>[^:]+): expected at least one argument$",
            "Angabe {a}: erwartet mindestens einen Wert",
        ),
        (r"^argument (?P<a>[^:]+): invalid \S+ value: (?P<v>.*)$", "Angabe {a}: ungültiger Wert {v}"),
        (
            r"^argument (?P<a>[^:]+): not allowed with argument (?P<b>.*)$",
            "Angabe {a}: nicht zusammen mit {b}",
        ),
        (
            r"^argument (?P<a>[^:]+): ignored explicit argument (?P<v>.*)$",
            "Angabe {a}: überzähliger Wert {v}",
        ),
        (r"^ambiguous option: (?P<a>\S+) could match (?P<m>.*)$", "mehrdeutige Option: {a} passt zu {m}"),
        (r"^argument (?P<a>[^:]+): (?P<m>.*)$", "Angabe {a}: {m}"),
    )
)


def german_error(message: str) -> str:
    """argparse's English error message in German (messages we raise ourselves pass unchanged)."""
    for pattern, german in _ERRORS:
        found = pattern.match(message)
        if found is not None:
            return german.format(**found.groupdict())
    return message


class GermanHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the description and example as written; the usage line starts with „Aufruf:“."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class GermanParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are German."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs["formatter_class"] = GermanHelpFormatter  # raw description (examples as written), German usage
        super().__init__(*args, **kwargs)
        self._german_groups = {
            True: self.add_argument_group(POSITIONALS),
            False: self.add_argument_group(OPTIONALS),
        }
        self.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Put each argument under the German heading for its kind (positional or option)."""
        groups = getattr(self, "_german_groups", None)
        if groups is None:  # during argparse's own set-up
            return super().add_argument(*args, **kwargs)
        positional = bool(args) and not str(args[0]).startswith(tuple(self.prefix_chars))
        action: argparse.Action = groups[positional].add_argument(*args, **kwargs)
        return action

    def add_mutually_exclusive_group(self, **kwargs: Any) -> Any:
        """Alternative options under the German heading for options (argparse would add „options“)."""
        return self._german_groups[False].add_mutually_exclusive_group(**kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Subcommands under the heading „Befehle“ (argparse would list them as positional arguments)."""
        kwargs.setdefault("title", "Befehle")
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            2, f"{self.prog}: Fehler: {german_error(message)}\nHilfe und Beispiele: {self.prog} --help\n"
        )
