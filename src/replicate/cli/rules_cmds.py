"""``replicate rules``: run the rule test cases, show a pathway, print the case-record JSON Schema."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from replicate.caserecord import case_schema
from replicate.cli._common import add_command, show_help
from replicate.cli.screen_cmds import as_of_date
from replicate.rules import load_rules
from replicate.rules.pruefschema import render_pathway
from replicate.screening.casetests import run_all


def _test(args: argparse.Namespace) -> int:
    runs = run_all(load_rules())
    for run in runs:
        mark = "✔" if run.ok else "✘"
        if run.ok and not args.verbose:
            continue
        print(f"{mark} {run.file}: {run.name} ({run.paragraph})")
        for failure in run.failures:
            print(f"    {failure}")
    failed = sum(not r.ok for r in runs)
    print(f"{len(runs) - failed} von {len(runs)} Testfällen bestanden.")
    return 1 if failed else 0


def _show(args: argparse.Namespace) -> int:
    print(render_pathway(load_rules(), args.pathway, args.as_of))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from replicate.rules.diff import render_diff, rules_diff

    print(
        render_diff(rules_diff(load_rules(), args.from_date, args.to_date), args.from_date, args.to_date),
        end="",
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(case_schema(), ensure_ascii=False, indent=2))
    return 0


def register(sub: Any) -> None:
    """Add ``replicate rules test|show|schema``."""
    parser = add_command(
        sub,
        "rules",
        help="Regeln prüfen, anzeigen und das Fallschema ausgeben",
        description="Werkzeuge für die Regeldaten: Testfälle ausführen, Weg anzeigen, Fallschema ausgeben.",
        example="replicate rules test\n  replicate rules show p25b --as-of 2026-11-25",
    )
    parser.set_defaults(func=show_help(parser))
    rules_sub = parser.add_subparsers(dest="rules_command", metavar="UNTERBEFEHL")
    test = add_command(
        rules_sub,
        "test",
        help="Testfälle der Regeln ausführen",
        description="Führt alle Testfälle (rules/cases/*.yaml) aus; Rückgabewert 1, wenn einer fehlschlägt.",
        example="replicate rules test --verbose",
        func=_test,
    )
    test.add_argument("--verbose", "-v", action="store_true", help="auch bestandene Fälle zeigen")
    show = add_command(
        rules_sub,
        "show",
        help="Voraussetzungen eines Weges anzeigen",
        description="Zeigt die Voraussetzungen eines Weges mit Rechtsgrundlagen und Werten zum Stichtag.",
        example="replicate rules show p60d --as-of 2026-11-25",
        func=_show,
    )
    show.add_argument(
        "pathway", metavar="WEG", help="Kennung des Weges, z. B. p25b, p25a, p60d, p60c, p16g, p19d, p23a"
    )
    show.add_argument(
        "--as-of", metavar="DATUM", type=as_of_date, default=date.today(), help="Stichtag (Standard: heute)"
    )
    diff = add_command(
        rules_sub,
        "diff",
        help="Änderungen der Regeln zwischen zwei Stichtagen nennen",
        description=(
            "Nennt Wege, Voraussetzungen und Werte, die sich zwischen zwei Stichtagen ändern, mit ihren "
            "Vorschriften, damit ein Rechtsamt weiß, was es nachlesen muss."
        ),
        example="replicate rules diff --from 2026-11-25 --to 2027-07-01",
        func=_diff,
    )
    diff.add_argument(
        "--from", dest="from_date", metavar="DATUM", type=as_of_date, required=True, help="früherer Stichtag"
    )
    diff.add_argument(
        "--to", dest="to_date", metavar="DATUM", type=as_of_date, required=True, help="späterer Stichtag"
    )
    add_command(
        rules_sub,
        "schema",
        help="JSON-Schema der Fallakte ausgeben",
        description="Gibt das versionierte JSON-Schema der pseudonymen Fallakte aus, jedes Feld beschrieben.",
        example="replicate rules schema > fallakte.schema.json",
        func=_schema,
    )
