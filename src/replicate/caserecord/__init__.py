"""The pseudonymous case record: model, readers for single cases and caseloads, JSON Schema."""

from replicate.caserecord._base import LEVEL_ORDER, Period
from replicate.caserecord.model import SCHEMA_VERSION, CaseRecord
from replicate.caserecord.readers import Row, iter_caseload, load_case, parse_case
from replicate.caserecord.schema import case_schema

__all__ = [
    "LEVEL_ORDER",
    "SCHEMA_VERSION",
    "CaseRecord",
    "Period",
    "Row",
    "case_schema",
    "iter_caseload",
    "load_case",
    "parse_case",
]
