"""The published case-record schema and its field reference are current and document every field."""

from __future__ import annotations

import json
from pathlib import Path

from replicate.caserecord import CaseRecord
from replicate.caserecord.docs import field_reference, schema_json

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_published_files_are_current() -> None:
    assert (DOCS / "case-record.schema.json").read_text(encoding="utf-8") == schema_json(), "run: make docs"
    assert (DOCS / "case-record.md").read_text(encoding="utf-8") == field_reference(), "run: make docs"


def test_every_field_is_documented() -> None:
    schema = json.loads(schema_json())
    models = [schema, *schema["$defs"].values()]
    for model in models:
        for name, spec in model.get("properties", {}).items():
            assert spec.get("description"), f"{model.get('title')}.{name} has no description"
    reference = field_reference()
    for name in CaseRecord.model_fields:
        assert f"| `{name}` |" in reference
