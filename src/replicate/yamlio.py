"""YAML for files that people write by hand: one loader and one line finder for the whole project.

The loader forgives nothing silently:

* a key given twice is an error (PyYAML would keep the last one);
* only ``true``/``false`` are Yes/No values: ``no`` (Norwegian), ``on`` or ``y`` stay text (YAML 1.2);
* a number with a leading zero (``01705``), an octal, hexadecimal or sexagesimal number stays text, so
  that a postal code keeps its zero;
* an impossible date (``2027-02-30``) is a message with its line, not a crash;
* anchors, aliases and merge keys (``&``, ``*``, ``<<``) are refused with a clear message: they hide
  where a value comes from and let a few bytes expand into gigabytes;
* nesting deeper than :data:`MAX_DEPTH` is refused before it can exhaust the stack.

Errors are raised as :class:`YamlProblem` (message in German plus line); each caller wraps them into its
own error class. :class:`LineIndex` maps a key path to its line in one pass over the node tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted in a hand-written file."""

MERGE_TAG = "tag:yaml.org,2002:merge"


_SYNTAX = (
    ("mapping values are not allowed", "ein Doppelpunkt steht an einer unerwarteten Stelle"),
    ("cannot start any token", "ein Zeichen (etwa ein Tabulator oder @) kann hier nicht stehen"),
    ("expected <block end>", "die Einrückung passt nicht zu den Zeilen davor"),
    ("did not find expected key", "die Einrückung passt nicht zu den Zeilen davor"),
    ("could not find expected ':'", "nach einem Schlüssel fehlt der Doppelpunkt"),
    ("did not find expected", "eine Klammer oder ein Anführungszeichen ist nicht geschlossen"),
    ("found unexpected end of stream", "die Datei endet mitten in einem Wert (Anführungszeichen offen?)"),
    ("expected ',' or", "in einer Liste [ … ] fehlt ein Komma oder die schließende Klammer"),
    ("found unknown escape character", "ein Rückstrich \\ in Anführungszeichen ist ungültig"),
    ("block sequence entries are not allowed", "ein Listenpunkt „-“ steht an einer unerwarteten Stelle"),
    ("special characters are not allowed", "die Datei enthält Steuerzeichen"),
    ("expected a single document", "die Datei enthält mehrere Dokumente (---)"),
)


def _german(problem: str) -> str:
    for english, german in _SYNTAX:
        if english in problem:
            return german
    return "die Zeile ist kein gültiges YAML"


class YamlProblem(Exception):
    """The text is not acceptable YAML; ``message`` is German, ``line`` 1-based or None."""

    def __init__(self, message: str, line: int | None = None, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.hint = message, line, hint


def _line(mark: Any) -> int | None:
    return mark.line + 1 if mark is not None else None


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 scalars, unique keys and no aliases (see the module docstring)."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012  (PyYAML reads it from the class)

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):  # type: ignore[no-untyped-call]
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YamlProblem(
                "Verweise mit * (YAML-Alias) werden nicht unterstützt",
                _line(event.start_mark),
                "Schreiben Sie den Wert an dieser Stelle aus, statt auf einen anderen zu verweisen.",
            )
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if getattr(event, "anchor", None):
            raise YamlProblem(
                f"Anker „&{event.anchor}“ werden nicht unterstützt",
                _line(event.start_mark),
                f"Entfernen Sie „&{event.anchor}“ und schreiben Sie Werte, die sich wiederholen, aus.",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlProblem(
                    f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)",
                    _line(event.start_mark),
                    "Eine Einstellungs- oder Regeldatei braucht nur wenige Ebenen; prüfen Sie die Einrückung.",
                )
            return super().compose_node(parent, index)  # type: ignore[no-untyped-call]
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            line = _line(key_node.start_mark)
            if key_node.tag == MERGE_TAG:
                raise YamlProblem(
                    "„<<“ (Zusammenführen von Abschnitten) wird nicht unterstützt",
                    line,
                    "Schreiben Sie die Schlüssel direkt in den Abschnitt.",
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    "ein Schlüssel muss ein einfacher Name sein, keine Liste und kein Abschnitt",
                    line,
                    "Schreiben Sie den Schlüssel als Namen vor den Doppelpunkt, z. B. name: Wert.",
                )
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise YamlProblem(
                    f"Schlüssel „{key}“ ist doppelt vorhanden",
                    line,
                    "Löschen Sie einen der beiden Einträge; sonst gälte stillschweigend nur der letzte.",
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[no-untyped-call]
        except ValueError:
            raise YamlProblem(
                f"„{node.value}“ ist kein gültiges Datum",
                _line(node.start_mark),
                "Prüfen Sie Tag und Monat; geschrieben wird JJJJ-MM-TT, z. B. 2026-12-31.",
            ) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


def _resolver(tag: str, pattern: str, first: Iterable[str]) -> None:
    StrictLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))


_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789")
_resolver(
    "tag:yaml.org,2002:float",
    r"^(?:[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    "-+0123456789.",
)
_resolver(
    "tag:yaml.org,2002:timestamp",
    r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
    r"(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$",
    "0123456789",
)
_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_resolver("tag:yaml.org,2002:merge", r"^<<$", "<")


def parse(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document; return the data and its node tree (for :class:`LineIndex`).

    Raises :class:`YamlProblem` for syntax errors and everything the loader refuses.
    """
    try:
        loader = StrictLoader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise YamlProblem(
            f"YAML-Syntaxfehler: die Datei enthält ein Steuerzeichen (U+{exc.character:04X})"
            if isinstance(exc.character, int)
            else "YAML-Syntaxfehler: die Datei enthält ein unzulässiges Zeichen",
            line,
            "Schreiben Sie die Zeile neu, statt sie aus einem anderen Programm einzufügen.",
        ) from None
    try:
        node = loader.get_single_node()  # type: ignore[no-untyped-call]
        data = loader.construct_document(node) if node is not None else None  # type: ignore[no-untyped-call]
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(
            f"YAML-Syntaxfehler: {_german(exc.problem or str(exc))}",
            _line(exc.problem_mark or exc.context_mark),
            "Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile.",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML-Syntaxfehler: {_german(str(exc))}") from None
    except (ValueError, OverflowError) as exc:
        raise YamlProblem(f"ein Wert ist nicht lesbar ({exc})") from None
    except TypeError as exc:  # an unhashable key that slipped past the checks
        raise YamlProblem(f"ein Schlüssel ist nicht lesbar ({exc})") from None
    finally:
        loader.dispose()  # type: ignore[no-untyped-call]
    return data, node


class LineIndex:
    """Line of every key path in a file, collected in one pass; looks up the deepest existing prefix."""

    def __init__(self, lines: dict[tuple[str, ...], int] | None = None) -> None:
        self.lines: dict[tuple[str, ...], int] = lines or {}

    @classmethod
    def of_yaml(cls, node: yaml.Node | None) -> LineIndex:
        """Index a YAML node tree (from :func:`parse`)."""
        index = cls()
        if node is None:
            return index
        index.lines[()] = node.start_mark.line + 1
        stack: list[tuple[tuple[str, ...], yaml.Node]] = [((), node)]
        while stack:
            path, current = stack.pop()
            if isinstance(current, yaml.MappingNode):
                for key_node, value_node in current.value:
                    child = (*path, str(key_node.value))
                    index.lines.setdefault(child, key_node.start_mark.line + 1)
                    stack.append((child, value_node))
            elif isinstance(current, yaml.SequenceNode):
                for number, item in enumerate(current.value):
                    child = (*path, str(number))
                    index.lines.setdefault(child, item.start_mark.line + 1)
                    stack.append((child, item))
        return index

    def line(self, loc: Sequence[Any], skip: Iterable[str] = ()) -> int | None:
        """Line of ``loc`` (a pydantic error location), or of its deepest parent found in the file.

        Parts named in ``skip`` (discriminator tags that pydantic inserts) are left out first.
        """
        dropped = set(skip)
        path = tuple(str(p) for p in loc if str(p) not in dropped)
        for end in range(len(path), 0, -1):  # a problem of the whole file has no line of its own
            found = self.lines.get(path[:end])
            if found is not None:
                return found
        return None
