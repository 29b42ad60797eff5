"""``replicate status`` and ``replicate diff``: what changed in a kit since replicate built it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from replicate import __version__
from replicate.errors import KitError
from replicate.kit.merge import has_conflict_markers
from replicate.kit.state import (
    KitState,
    digest_file,
    forms_digest,
    read_base,
    read_state,
    rules_version,
    template_digest,
)
from replicate.rules.law import law_status


@dataclass
class KitStatus:
    """Local changes of a kit and whether a newer template, rules or law date is available."""

    state: KitState
    edited: list[str] = field(default_factory=list)
    """Files changed since replicate wrote them."""
    deleted: list[str] = field(default_factory=list)
    """Files replicate wrote that are gone."""
    conflicts: list[str] = field(default_factory=list)
    """Sources that still hold conflict markers from an update."""
    newer: list[str] = field(default_factory=list)
    """What this replicate would build differently (German sentences)."""


def _require_state(kit: Path) -> KitState:
    state = read_state(kit)
    if state is None:
        raise KitError(
            f"{kit}: enthält keinen Kit-Zustand (.replicate/state.json). Das Kit stammt von einer früheren "
            "Fassung von replicate oder ist kein Kit; replicate update bringt ein solches Kit auf den neuen Stand."
        )
    return state


def kit_status(kit: Path) -> KitStatus:
    """Compare every recorded file with the kit and the recorded inputs with this installation."""
    state = _require_state(kit)
    status = KitStatus(state)
    for record in state.files:
        path = kit / record.path
        if not path.is_file():
            status.deleted.append(record.path)
        elif digest_file(path) != record.digest:
            status.edited.append(record.path)
            if record.kind == "source" and has_conflict_markers(
                path.read_text(encoding="utf-8", errors="replace")
            ):
                status.conflicts.append(record.path)
    law = law_status().checked_until
    if state.replicate_version != __version__:
        status.newer.append(
            f"Das Kit wurde mit replicate {state.replicate_version} gebaut, installiert ist {__version__}."
        )
    if state.template_digest != template_digest():
        status.newer.append("Die Vorlage der Dokumente hat sich geändert.")
    if state.rules_version != rules_version():
        status.newer.append("Die Regeldaten haben sich geändert.")
    if state.law_checked_until != law:
        status.newer.append(
            f"Die Regeldaten sind jetzt bis {law:%d.%m.%Y} gegen das Gesetz geprüft "
            f"(im Kit: bis {state.law_checked_until:%d.%m.%Y})."
        )
    if state.forms_digest != forms_digest():
        status.newer.append("Die Formulare haben sich geändert.")
    return status


def kit_diff(kit: Path) -> str:
    """Local changes of every text source against the version replicate wrote, as a unified diff."""
    state = _require_state(kit)
    out: list[str] = []
    for record in state.files:
        if record.kind != "source":
            continue
        base = read_base(kit, record.path) or ""
        path = kit / record.path
        local = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        if local == base:
            continue
        out.extend(
            difflib.unified_diff(
                base.splitlines(keepends=True),
                local.splitlines(keepends=True),
                fromfile=f"erzeugt/{record.path}",
                tofile=f"lokal/{record.path}" if path.is_file() else "(gelöscht)",
            )
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)
