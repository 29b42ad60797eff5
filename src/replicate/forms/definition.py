"""The intake form, derived from the case-record model: one field per model field, laid out by ``fields.yaml``.

Types, labels (the German field docstrings), allowed values, limits and required-ness are read from
:class:`~replicate.caserecord.CaseRecord`; the layout adds sections, help texts and pathway relevance.
"""

from __future__ import annotations

import datetime
import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from replicate.caserecord import CaseRecord
from replicate.caserecord.history_rules import history_rules
from replicate.caserecord.nationality import SPECIAL, country_names
from replicate.forms.layout import Layout, load_layout

Kind = Literal["text", "date", "int", "number", "bool", "select", "multiselect", "textlist", "group", "list"]
"""How a field is asked: a scalar input, a choice, a list of texts, a nested group or a repeated group."""

_SCALARS: dict[type, Kind] = {str: "text", datetime.date: "date", int: "int", float: "number", bool: "bool"}


@dataclass(frozen=True)
class FormField:
    """One question of the form (or a group of questions)."""

    path: str
    """Field path in the case record; list items are written ``jobs[]``."""
    key: str
    """Name of the field in its parent object (the JSON key)."""
    kind: Kind
    label: str
    """German label: the docstring of the model field."""
    required: bool = False
    nullable: bool = False
    """``None`` means "unknown" (for lists: left empty = unknown, empty list = none)."""
    default: Any = None
    choices: tuple[tuple[str, str], ...] = ()
    """Allowed values with German labels (select, multiselect)."""
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    pathways: tuple[str, ...] = ()
    children: tuple[FormField, ...] = ()
    choice_list: str = ""
    """Name of the list the choices come from (``countries``: names from CLDR in every language)."""

    def leaves(self) -> list[FormField]:
        """This field, or every scalar field below it."""
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]


@dataclass(frozen=True)
class Section:
    """A titled part of the form."""

    id: str
    title: str
    fields: tuple[FormField, ...]
    adviser: bool = False
    """Only for the advice service: German in every language, not in the client catalogs."""

    def leaves(self) -> list[FormField]:
        """Every scalar field of the section."""
        return [leaf for f in self.fields for leaf in f.leaves()]


def is_word(value: str, label: str) -> bool:
    """Whether a value's label is a text to translate; a label equal to an upper-case value is a code
    (``B1``), a lower-case one a word (``divers``)."""
    return label != value or not value.isupper()


def cldr_name(f: FormField, value: str) -> bool:
    """Whether the label of ``value`` comes from CLDR in every language (a country), not from a catalog."""
    return f.choice_list == "countries" and value not in SPECIAL


def named_choices(name: str) -> dict[str, str]:
    """A named list of values with German labels: ``countries`` (nationality), ``event_types`` and
    ``pathways`` (case history)."""
    if name == "countries":
        return SPECIAL | country_names("de")
    if name == "event_types":
        return {key: rule.label for key, rule in history_rules().types.items()}
    if name == "pathways":
        return dict(history_rules().pathways)
    raise KeyError(f"fields.yaml: unbekannte Werteliste {name!r} (bekannt: countries, event_types, pathways)")


def unwrap(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` → (X, True); constraints and validators (``Annotated[X, …]``) are left off."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        inner = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
        return unwrap(inner)[0], len(args) < len(get_args(annotation))
    if get_origin(annotation) is Annotated:
        return get_args(annotation)[0], False
    return annotation, False


def field_kind(annotation: Any) -> tuple[Kind, Any]:
    """The kind of a field and, for lists and groups, the item model or literal."""
    origin = get_origin(annotation)
    if origin is Literal:
        return "select", annotation
    if origin is list:
        (item,) = get_args(annotation)
        if get_origin(item) is Literal:
            return "multiselect", item
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "list", item
        return "textlist", item
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "group", annotation
    if annotation in _SCALARS:
        return _SCALARS[annotation], None
    raise TypeError(f"Feldtyp {annotation!r} wird vom Formular nicht unterstützt")


def _label(info: FieldInfo, path: str) -> str:
    if not info.description:
        raise ValueError(f"{path}: das Feld der Fallakte hat keine Beschreibung (Docstring)")
    return " ".join(info.description.split())


def _limits(info: FieldInfo) -> tuple[float | None, float | None]:
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    return low, high


def _field(name: str, info: FieldInfo, prefix: str, inherited: tuple[str, ...], layout: Layout) -> FormField:
    path = f"{prefix}{name}"
    annotation, nullable = unwrap(info.annotation)
    kind, inner = field_kind(annotation)
    listname = layout.choice_lists.get(path, "")
    named = named_choices(listname) if listname else {}
    if listname and kind == "text":
        kind = "select"
    pathways = layout.relevance.get(path, inherited)
    children: tuple[FormField, ...] = ()
    if kind in ("group", "list"):
        sub = f"{path}[]." if kind == "list" else f"{path}."
        children = tuple(_field(n, i, sub, pathways, layout) for n, i in inner.model_fields.items())
    choices: tuple[tuple[str, str], ...] = ()
    if kind in ("select", "multiselect"):
        own = layout.field_choices.get(path, {})
        values = [str(v) for v in get_args(inner)] if inner is not None else list(named)
        choices = tuple((v, own.get(v) or named.get(v) or layout.choices.get(v, v)) for v in values)
    low, high = _limits(info)
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    return FormField(
        path=path,
        key=name,
        kind=kind,
        label=_label(info, path),
        required=info.is_required(),
        nullable=nullable,
        default=default if isinstance(default, str | int | float | bool) else None,
        choices=choices,
        minimum=low,
        maximum=high,
        help=layout.help.get(path, ""),
        pathways=pathways,
        children=children,
        choice_list=listname,
    )


def build_sections(layout: Layout, model: type[BaseModel] = CaseRecord) -> tuple[Section, ...]:
    """Sections of the form for ``model`` laid out by ``layout``; unknown names raise ``KeyError``."""
    fields = model.model_fields
    return tuple(
        Section(
            id=spec.id,
            title=spec.title,
            fields=tuple(_field(name, fields[name], "", (), layout) for name in spec.fields),
            adviser=spec.adviser,
        )
        for spec in layout.sections
    )


@cache
def form_sections() -> tuple[Section, ...]:
    """The intake form of replicate (cached)."""
    return build_sections(load_layout())


def all_fields(sections: tuple[Section, ...]) -> list[FormField]:
    """Every field and group of the form, depth first."""
    out: list[FormField] = []

    def walk(f: FormField) -> None:
        out.append(f)
        for child in f.children:
            walk(child)

    for section in sections:
        for f in section.fields:
            walk(f)
    return out


def model_paths(model: type[BaseModel] = CaseRecord, prefix: str = "") -> set[str]:
    """Every field path of the case record, groups and leaves alike."""
    paths: set[str] = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.add(path)
        kind, inner = field_kind(unwrap(info.annotation)[0])
        if kind == "group":
            paths |= model_paths(inner, f"{path}.")
        elif kind == "list":
            paths |= model_paths(inner, f"{path}[].")
    return paths
