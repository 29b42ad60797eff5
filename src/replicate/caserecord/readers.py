"""Read one case (JSON) or a caseload (JSON array, JSONL, CSV) with row-level errors."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from replicate.caserecord.messages import problems_from
from replicate.caserecord.model import CaseRecord
from replicate.errors import CaseRecordError, Problem

_BOOL = {"ja": True, "nein": False, "true": True, "false": False}


@dataclass
class Row:
    """One entry of a caseload: either a valid record or the problems found in it."""

    label: str
    """Where it is, e.g. ``Zeile 12``."""
    record: CaseRecord | None = None
    problems: list[Problem] = field(default_factory=list)


def parse_case(data: Any, prefix: str = "", file: Path | str | None = None) -> CaseRecord:
    """Validate one record given as a dict; raises CaseRecordError naming each bad field."""
    try:
        return CaseRecord.model_validate(data)
    except ValidationError as exc:
        raise CaseRecordError(file, problems_from(exc, prefix)) from None


def load_case(path: Path) -> CaseRecord:
    """Read one case record from a JSON file."""
    return parse_case(_read_json(path, path.read_text(encoding="utf-8")), file=path)


def _read_json(path: Path, text: str, prefix: str = "") -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = prefix or "JSON"
        raise CaseRecordError(path, [Problem(f"kein gültiges JSON: {exc.msg}", where, exc.lineno)]) from None


def _row(label: str, path: Path, data: Any) -> Row:
    try:
        return Row(label, record=parse_case(data, label, path))
    except CaseRecordError as err:
        return Row(label, problems=err.problems)


def unflatten(flat: dict[str, str]) -> dict[str, Any]:
    """Turn CSV columns with dotted names (``employment.jobs.0.start``) into a nested record."""
    root: dict[str, Any] = {}
    for key, raw in flat.items():
        cell = (raw or "").strip()
        if not key or not cell:
            continue
        value: Any = cell
        if cell[0] in "[{":
            value = json.loads(cell)
        elif cell.lower() in _BOOL:
            value = _BOOL[cell.lower()]
        node: Any = root
        parts = key.strip().split(".")
        for part, nxt in itertools.pairwise(parts):
            child: Any = [] if nxt.isdigit() else {}
            if isinstance(node, list):
                idx = int(part)
                while len(node) <= idx:
                    node.append(child)
                node = node[idx]
            else:
                node = node.setdefault(part, child)
        last = parts[-1]
        if isinstance(node, list):
            while len(node) <= int(last):
                node.append({})
            node[int(last)] = value
        else:
            node[last] = value
    return root


def iter_caseload(path: Path) -> Iterator[Row]:
    """Yield every entry of a caseload; bad entries carry problems, the rest records."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for number, flat in enumerate(reader, start=2):
                label = f"Zeile {number}"
                try:
                    data = unflatten(flat)
                except (json.JSONDecodeError, ValueError) as exc:
                    yield Row(label, problems=[Problem(f"Zelle nicht lesbar: {exc}", label)])
                    continue
                yield _row(label, path, data)
    elif suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                label = f"Zeile {number}"
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Row(label, problems=[Problem(f"kein gültiges JSON: {exc.msg}", label)])
                    continue
                yield _row(label, path, data)
    elif suffix == ".json":
        data = _read_json(path, path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, start=1):
            yield _row(f"Eintrag {number}", path, item)
    else:
        raise CaseRecordError(
            path, [Problem("unbekanntes Dateiformat", hint="Erlaubt sind .json, .jsonl und .csv.")]
        )
