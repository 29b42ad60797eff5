"""Funding programmes as dated, sourced data: report types, periods, due dates, required content."""

from replicate.funders.calendar import Obligation, obligations
from replicate.funders.catalog import PROGRAMMES, Programme, ReportType, SachberichtRules, sachbericht_rules

__all__ = [
    "PROGRAMMES",
    "Obligation",
    "Programme",
    "ReportType",
    "SachberichtRules",
    "obligations",
    "sachbericht_rules",
]
