"""The rules a desk screens with: Land bodies and laws from the kit's settings, neutral words without them."""

from __future__ import annotations

from replicate.rules import load_rules
from replicate.rules.local import apply_local
from replicate.rules.ruleset import RuleSet
from replicate.settings import Settings


def desk_rules(settings: Settings | None) -> RuleSet:
    """The rule set for a desk started with ``settings`` (or without, then no Land is assumed).

    With settings the Land of the municipality fills the hardship commission, its regulation and the
    ministry (as ``replicate screen`` does) and the local rules apply; without them the neutral words
    of :mod:`replicate.places.rules` stand in, so that a desk never names another Land's bodies.
    """
    if settings is None:
        return load_rules()
    return apply_local(load_rules(land=settings.municipality.state), settings.local_rules)
