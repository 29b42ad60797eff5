"""Eligibility rules as dated data with legal references: models, loader, local adjustments."""

from replicate.rules.loader import DATA_DIR, load_rules
from replicate.rules.models import Condition, ConditionRef, Parameter, Pathway
from replicate.rules.ruleset import RuleSet

__all__ = ["DATA_DIR", "Condition", "ConditionRef", "Parameter", "Pathway", "RuleSet", "load_rules"]
