"""A readable German explanation of a screening result."""

from __future__ import annotations

from replicate.rules.models import GRANT_LABELS
from replicate.screening.result import PathwayResult, ScreeningResult

_MARK = {"erfüllt": "✔", "nicht erfüllt": "✘", "unbekannt": "?"}
_ORDER = ["möglich jetzt", "möglich ab", "manuelle Prüfung", "Angaben fehlen", "nicht möglich"]


def _pathway(p: PathwayResult) -> list[str]:
    lines = [f"## {p.title} ({p.reference})", f"Ergebnis: {p.label.upper()}"]
    if p.verdict in ("möglich jetzt", "möglich ab"):
        lines.append(f"Möglich ist: {p.pathway.grants}")
    if p.verdict in ("möglich jetzt", "möglich ab") and p.discretion:
        lines.append(
            f"Hinweis: {GRANT_LABELS[p.grant_kind]} – die Behörde entscheidet; das Ergebnis ist keine Zusage."
        )
    for c in p.conditions:
        extra = " (manuelle Prüfung)" if c.manual else ""
        lines.append(f"  {_MARK[c.status]} {c.label} – {c.reference}: {c.detail}{extra}")
    if p.next_steps:
        lines.append("Nächste Schritte:")
        lines += [f"  - {s}" for s in dict.fromkeys(p.next_steps)]
    if p.deadlines:
        lines.append("Fristen:")
        lines += [f"  - {d:%d.%m.%Y}: {t}" for d, t in p.deadlines]
    return lines


def explain(result: ScreeningResult) -> str:
    """German text: overview of all pathways, then each pathway with conditions, steps and deadlines."""
    head = f"Prüfung zum Stichtag {result.as_of:%d.%m.%Y}" + (
        f" – Fall {result.case_id}" if result.case_id else ""
    )
    lines = [f"# {head}", ""]
    if result.warnings:
        lines += ["Bitte prüfen:", *[f"  ! {w}" for w in result.warnings], ""]
    ordered = sorted(result.pathways.values(), key=lambda p: _ORDER.index(p.verdict))
    lines += [f"- {p.title} ({p.reference}): {p.label}" for p in ordered]
    for p in ordered:
        lines += ["", *_pathway(p)]
    lines += [
        "",
        "Diese Vorprüfung unterstützt qualifizierte Beraterinnen und Berater; sie ersetzt keine "
        "Rechtsberatung (RDG) und keine Entscheidung der Ausländerbehörde.",
    ]
    return "\n".join(lines)
