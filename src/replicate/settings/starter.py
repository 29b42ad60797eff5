"""Write a fully commented starter settings file, generated from the model itself."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from replicate.settings.root import Settings

HEADER = """\
# Einstellungen für ein lokales Projekt „Perspektive Bleiberecht“.
#
# Diese Datei beschreibt Ihre Kommune, die Ausländerbehörde, die Beratungsstelle, den Fördergeber und
# die Zusammenarbeit. Ersetzen Sie die Beispielwerte durch Ihre eigenen und prüfen Sie die Datei mit
#     replicate check {name}
# Danach baut
#     replicate new {name} kit/
# das vollständige Kit. Zeilen mit # sind Erläuterungen; auskommentierte Schlüssel sind optional.
# Nennen Sie Organisationen und Funktionen, keine Namen von Privatpersonen.
"""

EXAMPLE_INDICATORS = [
    {"id": "beratene_personen", "target": 150},
    {"id": "antraege_gestellt", "target": 60},
    {"id": "titel_erteilt", "target": 40},
]

LOCAL_RULES_EXAMPLE = """\
# Beispiel (zum Übernehmen die # am Zeilenanfang entfernen; Kennungen stehen im Prüfschema des Kits):
# [{path}.conditions."p25b.livelihood"]
# notes = ["Eine schriftliche Einstellungszusage wird als Beleg für die positive Prognose anerkannt."]
# extra_evidence = ["Einstellungszusage des Arbeitgebers mit Stundenumfang und Lohn"]
# local_practice = "Abgestimmt im Kooperationstreffen; im Protokoll festgehalten."
# [{path}.conditions."p25b.livelihood".parameters.min_share_percent]
# value = 50.5
# justification = "Die Ausländerbehörde lässt mehr als die Hälfte genügen (schriftliche Mitteilung an die Beratungsstelle)."
"""


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _unwrap_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _toml_value(value: Any, annotation: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if _unwrap_optional(annotation) is dt.date and isinstance(value, str | dt.date):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v, None) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _comment(text: str | None, indent: str = "") -> list[str]:
    if not text:
        return []
    return [f"{indent}# {line}" for line in textwrap.wrap(text, 100)]


def _in_starter(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get("x-starter") is True


def _field_lines(name: str, info: FieldInfo) -> list[str]:
    lines = _comment(info.description)
    annotation = info.annotation
    if info.is_required():
        value = info.examples[0] if info.examples else ""
        lines.append(f"{name} = {_toml_value(value, annotation)}")
    elif info.default_factory is not None and _unwrap_optional(annotation) is dt.date:
        example = info.examples[0] if info.examples else ""
        lines.append(f"# {name} = {example}   (ohne Angabe: das heutige Datum)")
    elif info.default is None and not _in_starter(info):
        example = info.examples[0] if info.examples else ""
        lines.append(f"# {name} = {_toml_value(example, annotation)}")
    elif info.default is None:
        # Optional only because an older key may stand in for it: the starter file asks for it.
        example = info.examples[0] if info.examples else ""
        lines.append(f"{name} = {_toml_value(example, annotation)}")
    else:
        lines.append(f"{name} = {_toml_value(info.default, annotation)}")
    return lines


def _section(path: str, model: type[BaseModel], doc: str | None) -> list[str]:
    lines = ["", *_comment(doc), f"[{path}]"]
    nested: list[str] = []
    for name, info in model.model_fields.items():
        annotation = _unwrap_optional(info.annotation)
        if _is_model(annotation) and info.default is None and not info.is_required():
            # An optional section (e.g. authority.owner): shown, but commented out as a whole.
            section = _section(f"{path}.{name}", annotation, info.description)
            nested += [line if not line or line.startswith("#") else f"# {line}" for line in section]
        elif _is_model(annotation):
            nested += _section(f"{path}.{name}", annotation, info.description)
        elif get_origin(annotation) is dict:
            nested += ["", *_comment(info.description), *LOCAL_RULES_EXAMPLE.format(path=path).splitlines()]
        elif get_origin(annotation) is list and _is_model(get_args(annotation)[0]) and not info.is_required():
            nested += [
                "",
                *_comment(info.description),
                *_optional_table(f"{path}.{name}", get_args(annotation)[0]),
            ]
        elif get_origin(annotation) is list and _is_model(get_args(annotation)[0]):
            item_model = get_args(annotation)[0]
            nested += ["", *_comment(info.description)]
            for example in info.examples[0] if info.examples else EXAMPLE_INDICATORS:
                nested.append(f"[[{path}.{name}]]")
                for key, value in example.items():
                    nested += _comment(item_model.model_fields[key].description)
                    nested.append(f"{key} = {_toml_value(value, None)}")
        else:
            lines += _field_lines(name, info)
    return lines + nested


def _optional_table(path: str, model: type[BaseModel]) -> list[str]:
    """An optional array of tables, commented out, with the example of each key."""
    lines = [f"# [[{path}]]"]
    for key, info in model.model_fields.items():
        example = info.examples[0] if info.examples else ""
        lines += [f"# {line}" if line else "#" for line in _comment(info.description)]
        lines.append(f"# {key} = {_toml_value(example, _unwrap_optional(info.annotation))}")
    return lines


def starter_toml(file_name: str = "einstellungen.toml") -> str:
    """The text of a complete, commented settings file that passes ``replicate check``."""
    lines = [HEADER.format(name=file_name).rstrip("\n")]
    for name, info in Settings.model_fields.items():
        lines += _section(name, info.annotation, info.description)  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"
