"""Load and cross-check the rule files in ``rules/data``."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from replicate.errors import Problem, RulesError
from replicate.oswords import reason
from replicate.problems import RULE_FILE, problems_from
from replicate.rules.models import BarsFile, Condition, ConditionRef, PathwayFile
from replicate.rules.ruleset import RuleSet
from replicate.yamlio import LineIndex, YamlProblem, parse

DATA_DIR = Path(__file__).parent / "data"
ORDER = ["p25b", "p25a", "p60d", "p60c", "p16g", "p19d", "p25_5", "p23a", "p104c"]
"""Order of the pathway files in results and the Prüfschema (others follow alphabetically)."""


def _rank(path: Path) -> tuple[int, str]:
    return (ORDER.index(path.stem) if path.stem in ORDER else len(ORDER), path.stem)


def read_yaml(path: Path) -> tuple[Any, LineIndex]:
    """Parse a rule or case file; return the data and the line of every key (for messages)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(path, [Problem(f"Datei kann nicht gelesen werden ({reason(exc)})")]) from None
    except UnicodeDecodeError:
        raise RulesError(path, [Problem("Datei ist nicht in UTF-8 gespeichert")]) from None
    try:
        data, node = parse(text)
    except YamlProblem as exc:
        raise RulesError(path, [Problem(exc.message, line=exc.line, hint=exc.hint)]) from None
    return data, LineIndex.of_yaml(node)


def _validate(path: Path, model: type[PathwayFile] | type[BarsFile]) -> PathwayFile | BarsFile:
    data, lines = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(p.message, p.location, lines.line(loc, skip=RULE_FILE.skip), p.hint)
            for loc, p in problems_from(exc, model, "yaml", RULE_FILE)
        ]
        raise RulesError(path, problems) from None


def load_rules(directory: Path | None = None) -> RuleSet:
    """Read ``bars.yaml`` and every pathway file; refuse unknown or duplicate keys and dangling ids."""
    if directory is None:
        return _default_rules()
    return _load(directory)


@cache
def _default_rules() -> RuleSet:
    return _load(DATA_DIR)


def _load(directory: Path) -> RuleSet:
    bars_path = directory / "bars.yaml"
    bars = _validate(bars_path, BarsFile)
    assert isinstance(bars, BarsFile)
    shared = {c.id: c for c in bars.conditions}
    sources = {cid: bars_path.name for cid in shared}
    pathways = {}
    for path in sorted(directory.glob("p*.yaml"), key=_rank):
        parsed = _validate(path, PathwayFile)
        assert isinstance(parsed, PathwayFile)
        for pathway in parsed.pathways:
            if pathway.id in pathways:
                raise RulesError(path, [Problem(f"Weg {pathway.id} ist doppelt definiert")])
            pathways[pathway.id] = pathway
            sources[pathway.id] = path.name
    rules = RuleSet(pathways=pathways, shared=shared, shared_parameters=bars.parameters, sources=sources)
    _check(rules, directory)
    return rules


def _check(rules: RuleSet, directory: Path) -> None:
    problems: list[Problem] = []
    seen: set[str] = set(rules.shared)
    for pid, pathway in rules.pathways.items():
        for entry in pathway.conditions:
            if isinstance(entry, Condition):
                if not entry.id.startswith((pid + ".", pid.split("_")[0] + ".")):
                    problems.append(
                        Problem(f"Bedingung {entry.id} gehört nicht zu {pid}", rules.sources[pid])
                    )
                if entry.id in seen:
                    problems.append(Problem(f"Bedingung {entry.id} ist doppelt", rules.sources[pid]))
                seen.add(entry.id)
    for pid, pathway in rules.pathways.items():
        for entry in pathway.conditions:
            if isinstance(entry, ConditionRef):
                if entry.use not in seen:
                    problems.append(
                        Problem(f"unbekannte Bedingung {entry.use}", f"{rules.sources[pid]}: {pid}")
                    )
                elif entry.use in rules.shared and pid in rules.shared[entry.use].lifted_by:
                    problems.append(
                        Problem(
                            f"{pid} verweist auf {entry.use}, hebt diese Sperre aber auf", rules.sources[pid]
                        )
                    )
    for bar in rules.shared.values():
        for pid in bar.lifted_by:
            if pid not in rules.pathways:
                problems.append(Problem(f"lifted_by nennt unbekannten Weg {pid}", f"bars.yaml: {bar.id}"))
    if problems:
        raise RulesError(directory, problems)
    rules.resolve_all()
