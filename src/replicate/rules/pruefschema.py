"""The Prüfschema for advisers (Markdown) and the rules in force (dict), both from the same rule data."""

from __future__ import annotations

from datetime import date
from typing import Any

from replicate.errors import Problem, RulesError
from replicate.forms.mdtext import escape
from replicate.rules.local import LocalAdjustments, apply_local
from replicate.rules.models import GRANT_LABELS, KIND_LABELS, Condition, MissingValue, Parameter
from replicate.rules.ruleset import RuleSet

RDG_NOTE = (
    "Dieses Prüfschema unterstützt qualifizierte Beraterinnen und Berater. Es ersetzt weder die "
    "Rechtsberatung im Einzelfall (Rechtsdienstleistungsgesetz, RDG) noch die Entscheidung der "
    "Ausländerbehörde."
)


def _value(value: Any) -> Any:
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return value


def _param_at(param: Parameter, as_of: date) -> Any:
    try:
        return param.at(as_of)
    except MissingValue:
        return None


def _text(text: str) -> str:
    """A value from the settings (local notes, practice, evidence), with Markdown syntax kept literal."""
    return escape(text).replace("\n", " ")


def _params_text(cond: Condition, as_of: date) -> str:
    parts = []
    for param in cond.parameters.values():
        value = _param_at(param, as_of)
        shown = (
            "nicht festgelegt"
            if value is None
            else f"{_value(value)}{' ' + param.unit if param.unit else ''}"
        )
        parts.append(f"{param.description}: **{shown}**")
    return "; ".join(parts)


def _condition_block(n: int, cond: Condition, as_of: date, local_evidence: set[str]) -> list[str]:
    evidence = [_text(e) if e in local_evidence else e for e in cond.evidence]
    items = [
        ("Rechtsgrundlage", cond.reference),
        ("Art", KIND_LABELS[cond.kind]),
        ("Werte am Stichtag", _params_text(cond, as_of)),
        ("Nachweise", "; ".join(evidence)),
        ("Nächster Schritt", cond.next_step or ""),
        ("Manuelle Prüfung", cond.unsettled or ""),
        ("Örtlicher Hinweis", "; ".join(_text(note) for note in cond.local_notes)),
        ("Örtliche Praxis", _text(cond.local_practice) if cond.local_practice else ""),
    ]
    lines = [f"### {n}. {cond.label}", ""]
    lines += [f"- **{label}:** {value}" for label, value in items if value]
    return [*lines, ""]


def _section(
    rules: RuleSet, pid: str, conds: list[Condition], as_of: date, adjustments: LocalAdjustments
) -> list[str]:
    p = rules.pathways[pid]
    out = [
        f"## {p.title} ({p.reference})",
        "",
        f"Führt zu: {p.grants}. Rechtsfolge: {GRANT_LABELS[p.grant_kind]}.",
    ]
    if p.procedure:
        out += ["", "Verfahren:", ""] + [f"{i}. {step}" for i, step in enumerate(p.procedure, 1)]
    out += [""] + [f"- {note}" for note in p.notes] + ([""] if p.notes else [])
    for i, cond in enumerate(conds, 1):
        adj = adjustments.conditions.get(cond.id)
        out += _condition_block(i, cond, as_of, set(adj.extra_evidence) if adj else set())
    return out


def render_pathway(rules: RuleSet, pid: str, as_of: date, adjustments: LocalAdjustments | None = None) -> str:
    """Markdown section for one pathway (``replicate rules show``); RulesError if unknown or not in force."""
    rules = apply_local(rules, adjustments or LocalAdjustments())
    in_force = rules.in_force(as_of)
    if pid not in in_force:
        known = ", ".join(in_force)
        reason = "ist am Stichtag nicht in Kraft" if pid in rules.pathways else "ist unbekannt"
        raise RulesError(None, [Problem(f"Weg „{pid}“ {reason}", hint=f"Wege am {as_of:%d.%m.%Y}: {known}")])
    local = adjustments or LocalAdjustments()
    lines = [
        f"Stand der Rechtslage: {as_of:%d.%m.%Y}",
        "",
        *_section(rules, pid, in_force[pid], as_of, local),
    ]
    return "\n".join(lines) + "\n"


def render_pruefschema(rules: RuleSet, as_of: date, adjustments: LocalAdjustments | None = None) -> str:
    """German Markdown: one section per pathway in force with a table of its conditions."""
    rules = apply_local(rules, adjustments or LocalAdjustments())
    out = [
        "# Prüfschema Bleiberecht für Langzeitgeduldete",
        "",
        f"**Stand der Rechtslage: {as_of:%d.%m.%Y}**",
        "",
        f"*{RDG_NOTE}*",
        "",
        "Art der Voraussetzung: *zwingend*; *in der Regel* (Ausnahme im atypischen Fall); "
        "*Ermessen* (die Behörde entscheidet). Wo die Rechtslage ungeklärt ist, steht „manuelle Prüfung“.",
    ]
    for pid, conds in rules.in_force(as_of).items():
        out += ["", *_section(rules, pid, conds, as_of, adjustments or LocalAdjustments())]
    out += ["", "## Übergreifende Sperren", ""]
    for bar in rules.shared.values():
        lifted = f" Aufgehoben für: {', '.join(bar.lifted_by)}." if bar.lifted_by else ""
        out.append(f"- **{bar.label}** ({bar.reference}).{lifted}{' ' + bar.note if bar.note else ''}")
    return "\n".join(out) + "\n"


def _condition_dict(cond: Condition, as_of: date) -> dict[str, Any]:
    params = {
        name: {
            "wert": _export_value(_param_at(p, as_of)),
            "einheit": p.unit,
            "beschreibung": p.description,
            "rechtsgrundlage": p.reference,
        }
        for name, p in cond.parameters.items()
    }
    return {
        "id": cond.id,
        "bezeichnung": cond.label,
        "rechtsgrundlage": cond.reference,
        "art": cond.kind,
        "parameter": params,
        "nachweise": list(cond.evidence),
        "naechster_schritt": cond.next_step,
        "manuelle_pruefung": cond.unsettled,
        "oertliche_hinweise": list(cond.local_notes),
        "oertliche_praxis": cond.local_practice,
    }


def _export_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def export_rules(rules: RuleSet, as_of: date, adjustments: LocalAdjustments | None = None) -> dict[str, Any]:
    """The rules in force on ``as_of`` with local adjustments, as plain data (YAML/JSON-ready)."""
    rules = apply_local(rules, adjustments or LocalAdjustments())
    return {
        "stand_der_rechtslage": as_of.isoformat(),
        "hinweis": RDG_NOTE,
        "wege": {
            pid: {
                "titel": rules.pathways[pid].title,
                "rechtsgrundlage": rules.pathways[pid].reference,
                "fuehrt_zu": rules.pathways[pid].grants,
                "rechtsfolge": rules.pathways[pid].grant_kind,
                "verfahren": list(rules.pathways[pid].procedure),
                "voraussetzungen": [_condition_dict(c, as_of) for c in conds],
            }
            for pid, conds in rules.in_force(as_of).items()
        },
        "sperren": {
            cid: {**_condition_dict(c, as_of), "aufgehoben_fuer": list(c.lifted_by)}
            for cid, c in rules.shared.items()
        },
    }
