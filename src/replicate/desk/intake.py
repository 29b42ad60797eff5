"""The intake fields of a case page, from the same form definition as the printable and offline forms.

:func:`widgets` turns the definition and a record into what the page template shows (one input per
field, list entries by position with one empty entry to add); :func:`read_form` turns the submitted
fields back into a case record with the dotted names of the caseload readers (``status_periods.0.start``)
and the same validation as everywhere else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from replicate.caserecord import CaseRecord, parse_case
from replicate.caserecord.unflatten import unflatten
from replicate.errors import CaseRecordError, Problem
from replicate.forms.definition import FormField, Section, all_fields, form_sections

HISTORY = "history"
"""The history is not part of the intake form: it is added event by event."""
_INDEX = re.compile(r"\.\d+(?=\.|$)")


@dataclass
class Widget:
    """One input (or a group of inputs) as the page shows it."""

    kind: str
    name: str
    """Name of the input: the dotted path of the caseload readers, list entries by position (0-based)."""
    label: str
    value: Any = ""
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    required: bool = False
    children: list[Widget] = field(default_factory=list)


def intake_sections() -> list[Section]:
    """The sections of the form definition without the history."""
    return [s for s in form_sections() if all(f.key != HISTORY for f in s.fields)]


def history_fields() -> list[FormField]:
    """The fields of one history event (date, type, referral, consent, pathway, result, reason)."""
    top = next(f for s in form_sections() for f in s.fields if f.key == HISTORY)
    return list(top.children)


def _shown(value: Any, kind: str) -> Any:
    if value is None:
        return [] if kind == "multiselect" else ""
    if kind == "bool":
        return "ja" if value else "nein"
    if kind == "textlist":
        return "\n".join(str(v) for v in value)
    if kind == "multiselect":
        return list(value)
    return str(value)


def _widget(f: FormField, data: Any, name: str) -> Widget:
    value = data.get(f.key) if isinstance(data, dict) else None
    if f.kind == "group":
        group = value if isinstance(value, dict) else {}
        kids = [_widget(c, group, f"{name}.{c.key}") for c in f.children]
        return Widget("group", name, f.label, children=kids, help=f.help)
    if f.kind == "list":
        items = value if isinstance(value, list) else []
        entries = [
            Widget(
                "entry",
                f"{name}.{i}",
                f"Eintrag {i + 1}" if i < len(items) else "Neuer Eintrag",
                children=[_widget(c, item, f"{name}.{i}.{c.key}") for c in f.children],
            )
            for i, item in enumerate([*items, {}])
        ]
        return Widget("list", name, f.label, children=entries, help=f.help)
    return Widget(f.kind, name, f.label, _shown(value, f.kind), f.choices, f.help, f.required)


def widgets(record: CaseRecord | None) -> list[tuple[str, list[Widget]]]:
    """(section title, widgets) for every intake section, filled from ``record``."""
    data = record.model_dump(mode="json", exclude_none=True) if record is not None else {}
    return [(s.title, [_widget(f, data, f.key) for f in s.fields]) for s in intake_sections()]


def _kinds() -> dict[str, str]:
    return {f.path: f.kind for f in all_fields(form_sections())}


def _prune(node: Any) -> Any:
    """Drop list entries left completely empty (that is how an entry is removed on the page)."""
    if isinstance(node, dict):
        return {k: _prune(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_prune(v) for v in node if v != {}]
    return node


def flat_fields(form: Mapping[str, Sequence[str]], kinds: Mapping[str, str]) -> dict[str, str]:
    """Submitted inputs as dotted cells (multiple choices and text lists as JSON lists)."""
    flat: dict[str, str] = {}
    for name, values in form.items():
        kind = kinds.get(_INDEX.sub("[]", name))
        if kind is None:
            continue
        if kind == "multiselect":
            flat[name] = json.dumps([v for v in values if v]) if any(values) else ""
        elif kind == "textlist":
            lines = [line.strip() for line in (values[0] if values else "").splitlines() if line.strip()]
            flat[name] = json.dumps(lines, ensure_ascii=False) if lines else ""
        else:
            text = values[0] if values else ""
            # A text starting with [ or { would be read as JSON by the dotted reader: keep it a text.
            flat[name] = (
                json.dumps(text, ensure_ascii=False) if kind == "text" and text[:1] in ("[", "{") else text
            )
    return flat


def _json_cell(text: str) -> Any:
    return json.loads(text)


def read_form(form: Mapping[str, Sequence[str]], history: list[dict[str, Any]]) -> CaseRecord:
    """The record from the submitted intake fields plus the stored ``history``; CaseRecordError if bad."""
    flat = flat_fields(form, _kinds())
    try:
        data = _prune(unflatten(flat, _json_cell))
    except ValueError as exc:
        raise CaseRecordError(None, [Problem(str(exc))]) from None
    data["history"] = history
    return parse_case(data)


def read_event(form: Mapping[str, Sequence[str]], record: CaseRecord) -> CaseRecord:
    """``record`` with the submitted event added to its history (validated with the whole record)."""
    keys = {f.key: f.kind for f in history_fields()}
    event: dict[str, Any] = {}
    for key, kind in keys.items():
        text = (form.get(f"event.{key}") or [""])[0].strip()
        if text:
            event[key] = {"ja": True, "nein": False}.get(text, text) if kind == "bool" else text
    data = record.model_dump(mode="json", exclude_none=True)
    data["history"] = sorted([*data.get("history", []), event], key=lambda e: str(e.get("date", "")))
    return parse_case(data)


def refill(form: Mapping[str, Sequence[str]]) -> list[tuple[str, list[Widget]]]:
    """The intake sections filled with the submitted values as typed (after a refused save)."""
    try:
        data = _prune(unflatten(flat_fields(form, _kinds()), _json_cell))
    except ValueError:
        data = {}
    return [(s.title, [_widget(f, data, f.key) for f in s.fields]) for s in intake_sections()]
