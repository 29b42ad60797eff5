"""The predicate registry: which function decides which condition id.

Predicate modules (``pred_*.py``) register themselves with :func:`predicate` when imported;
:func:`predicates` finds and imports them (by name, so that nothing here imports the ``screening``
package that imports the engine) and returns the complete registry.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Hashable
from functools import cache
from pathlib import Path
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

PREFIX = "pred_"
"""Modules of ``replicate.screening`` whose name starts with this hold predicates (found, not listed)."""


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


@cache
def modules() -> tuple[str, ...]:
    """Names of the predicate modules, sorted."""
    folder = Path(__file__).parent
    return tuple(sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith(PREFIX)))


def predicates() -> dict[str, Predicate]:
    """The complete registry (imports every predicate module once)."""
    for name in modules():
        importlib.import_module(f"replicate.screening.{name}")
    return PREDICATES
