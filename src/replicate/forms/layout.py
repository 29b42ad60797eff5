"""The layout file ``fields.yaml``: sections, help texts, pathway relevance and value labels by field path."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class SectionSpec:
    """One section of the form as the layout file declares it."""

    id: str
    title: str
    fields: tuple[str, ...]
    """Top-level fields of the case record, in form order."""
    adviser: bool = False
    """Only for the advice service: shown in German in every language, not in the client catalogs."""


@dataclass(frozen=True)
class Layout:
    """Everything the form adds to the case record; the fields themselves come from the model."""

    pathways: dict[str, str]
    """Rule id → short label (``p25b`` → ``§ 25b``)."""
    sections: tuple[SectionSpec, ...]
    excluded: dict[str, str]
    """Field path → why it is not asked."""
    choices: dict[str, str]
    """Allowed value of an enum → German label."""
    help: dict[str, str] = field(default_factory=dict)
    relevance: dict[str, tuple[str, ...]] = field(default_factory=dict)
    field_choices: dict[str, dict[str, str]] = field(default_factory=dict)
    """Field path → labels of its values that differ from ``choices`` (the same value, another meaning)."""
    choice_lists: dict[str, str] = field(default_factory=dict)
    """Field path → name of a list of values and labels (see ``definition.named_choices``)."""

    def annotated_paths(self) -> set[str]:
        """Every field path the layout names (for the test that they all exist)."""
        placed = {name for section in self.sections for name in section.fields}
        named = set(self.field_choices) | set(self.choice_lists)
        return placed | set(self.excluded) | set(self.help) | set(self.relevance) | named


def parse_layout(data: dict[str, Any]) -> Layout:
    """Build a :class:`Layout` from the parsed YAML."""
    entries: dict[str, dict[str, Any]] = data.get("fields") or {}
    return Layout(
        pathways={str(k): str(v) for k, v in data["pathways"].items()},
        sections=tuple(
            SectionSpec(
                id=s["id"], title=s["title"], fields=tuple(s["fields"]), adviser=bool(s.get("adviser"))
            )
            for s in data["sections"]
        ),
        excluded={str(k): str(v) for k, v in (data.get("excluded") or {}).items()},
        choices={str(k): str(v) for k, v in data["choices"].items()},
        help={path: str(e["help"]) for path, e in entries.items() if e.get("help")},
        relevance={path: tuple(e["pathways"]) for path, e in entries.items() if e.get("pathways")},
        field_choices={
            path: {str(k): str(v) for k, v in e["choices"].items()}
            for path, e in entries.items()
            if e.get("choices")
        },
        choice_lists={path: str(e["choice_list"]) for path, e in entries.items() if e.get("choice_list")},
    )


@cache
def load_layout() -> Layout:
    """The layout shipped with replicate."""
    text = resources.files("replicate.forms").joinpath("fields.yaml").read_text(encoding="utf-8")
    return parse_layout(yaml.safe_load(text))
