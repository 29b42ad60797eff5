"""The published JSON Schema of the case record."""

from __future__ import annotations

from typing import Any

from replicate.caserecord.model import SCHEMA_VERSION, CaseRecord


def case_schema() -> dict[str, Any]:
    """JSON Schema of the case record, every field documented, with its version."""
    schema = CaseRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://replicate.example/schemas/case-record-v{SCHEMA_VERSION}.json"
    schema["title"] = f"Fallakte (pseudonym), Version {SCHEMA_VERSION}"
    return schema
