"""The line of every key in a TOML settings file, collected in one pass (YAML: ``replicate.yamlio``)."""

from __future__ import annotations

from replicate.yamlio import LineIndex


def _parts(text: str) -> tuple[str, ...]:
    return tuple(p.strip().strip('"').strip("'") for p in text.split("."))


def toml_index(text: str) -> LineIndex:
    """Index the keys, tables and array-of-tables entries of a TOML text by their key path."""
    lines: dict[tuple[str, ...], int] = {(): 1}
    header: tuple[str, ...] = ()
    counters: dict[tuple[str, ...], int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            path = _parts(line[2:].split("]]")[0])
            counters[path] = counters.get(path, -1) + 1
            header = (*path, str(counters[path]))
            lines.setdefault(path, number)
            candidate = header
        elif line.startswith("["):
            header = _parts(line[1:].split("]")[0])
            candidate = header
        elif "=" in line:
            candidate = (*header, *_parts(line.split("=", 1)[0]))
        else:
            continue
        lines.setdefault(candidate, number)
    return LineIndex(lines)
