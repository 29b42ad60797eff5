"""Does the form cover the case record? Problems between ``fields.yaml`` and the model, in plain words."""

from __future__ import annotations

from pydantic import BaseModel

from replicate.caserecord import CaseRecord
from replicate.forms.definition import all_fields, build_sections, model_paths
from replicate.forms.layout import Layout


def coverage_problems(layout: Layout, model: type[BaseModel] = CaseRecord) -> list[str]:
    """Every path the layout names that the model lacks, every model field the form neither asks nor excludes,
    and every allowed value without a label; empty when form and model agree."""
    known = model_paths(model)
    problems = [
        f"fields.yaml nennt {path}, das es in der Fallakte nicht gibt"
        for path in sorted(layout.annotated_paths() - known)
    ]
    if problems:
        return problems
    asked = {f.path for f in all_fields(build_sections(layout, model))}
    excluded = {p for p in known for ex in layout.excluded if p == ex or p.startswith((f"{ex}.", f"{ex}[]."))}
    problems += [
        f"Feld {path} der Fallakte fehlt im Formular und ist nicht unter excluded begründet"
        for path in sorted(known - asked - excluded)
    ]
    problems += [f"{path} ist zugleich im Formular und unter excluded" for path in sorted(asked & excluded)]
    values = {
        value
        for f in all_fields(build_sections(layout, model))
        if not f.choice_list
        for value, _ in f.choices
        if value not in layout.field_choices.get(f.path, {})
    }
    problems += [
        f"Wert {value!r} hat kein Label unter choices" for value in sorted(values - set(layout.choices))
    ]
    return problems
