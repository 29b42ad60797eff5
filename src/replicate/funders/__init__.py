"""Funding programmes as dated, sourced data: report types, periods, due dates, required content."""

from replicate.funders.calendar import Obligation, obligations
from replicate.funders.catalog import PROGRAMMES, SACHBERICHT, Programme, ReportType

__all__ = ["PROGRAMMES", "SACHBERICHT", "Obligation", "Programme", "ReportType", "obligations"]
