"""Find the line of a key path in a TOML or YAML settings file, for error messages."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

Loc = Sequence[str | int]


def _prefix_len(candidate: tuple[str | int, ...], loc: tuple[str | int, ...]) -> int:
    if len(candidate) > len(loc) or loc[: len(candidate)] != candidate:
        return -1
    return len(candidate)


def toml_line(text: str, loc: Loc) -> int | None:
    """Line (1-based) of the key at ``loc``, or of its deepest enclosing table/key that exists."""
    target = tuple(loc)
    header: tuple[str | int, ...] = ()
    counters: dict[tuple[str | int, ...], int] = {}
    best: tuple[int, int] = (-1, 0)  # (depth, line)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            path: tuple[str | int, ...] = tuple(
                p.strip().strip('"') for p in line[2:].split("]]")[0].split(".")
            )
            counters[path] = counters.get(path, -1) + 1
            header = (*path, counters[path])
            candidate = header
        elif line.startswith("["):
            header = tuple(p.strip().strip('"') for p in line[1:].split("]")[0].split("."))
            candidate = header
        elif "=" in line:
            key = tuple(p.strip().strip('"') for p in line.split("=", 1)[0].split("."))
            candidate = (*header, *key)
        else:
            continue
        depth = _prefix_len(candidate, target)
        if depth > best[0]:
            best = (depth, number)
    return best[1] or None


def yaml_line(text: str, loc: Loc) -> int | None:
    """Line (1-based) of the key at ``loc`` in a YAML document, or of its deepest existing parent."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line: int | None = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    line = key_node.start_mark.line + 1
                    node = value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
