"""The predicate registry: which function decides which condition id.

Predicate modules register themselves with :func:`predicate` when imported; :func:`predicates` imports
them (by name, so that nothing here imports the ``screening`` package that imports the engine) and
returns the complete registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from replicate.rules.models import Pathway
from replicate.screening.context import Ctx

if TYPE_CHECKING:
    from replicate.screening.outcome import Outcome

Predicate = Callable[[Ctx], "Outcome"]
PathwayView = Callable[[Pathway], Hashable]
PREDICATES: dict[str, Predicate] = {}
READS: dict[str, PathwayView] = {}
"""For predicates that read the pathway: what they read (the outcome is shared by pathways alike in it)."""

MODULES = ("pred_bars", "pred_other", "pred_p25a", "pred_p25b", "pred_p60d", "pred_training")
"""The modules of ``replicate.screening`` that hold predicates."""


def predicate(*ids: str, reads: PathwayView | None = None) -> Callable[[Predicate], Predicate]:
    """Register a function as the predicate of the condition ids given.

    A predicate is evaluated once per case and shared by every pathway using the condition (with the
    same kind and unsettled note). One that reads the pathway (grant kind, Abschnitt 5, § 104c
    privileges) names what it reads with ``reads``: pathways that agree on it share the outcome.
    """

    def wrap(func: Predicate) -> Predicate:
        for cid in ids:
            PREDICATES[cid] = func
            if reads is not None:
                READS[cid] = reads
        return func

    return wrap


def predicates() -> dict[str, Predicate]:
    """The complete registry (imports every predicate module once)."""
    for name in MODULES:
        importlib.import_module(f"replicate.screening.{name}")
    return PREDICATES
