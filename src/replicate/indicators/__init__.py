"""Reporting indicators: the catalog of what a funder can ask for (data with definitions)."""

from replicate.indicators.catalog import INDICATORS, Indicator, indicator_ids

__all__ = ["INDICATORS", "Indicator", "indicator_ids"]
