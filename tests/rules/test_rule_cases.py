"""The rule test cases (``src/replicate/rules/cases/*.yaml``) run under pytest, one test per case."""

from __future__ import annotations

from collections import Counter

import pytest

from replicate.rules import load_rules
from replicate.screening.casetests import case_files, load_case_file, run_case

CASES = [(path, cf, rc) for path in case_files() for cf in [load_case_file(path)] for rc in cf.cases]


@pytest.mark.parametrize(("path", "cf", "rc"), CASES, ids=[f"{p.stem}: {rc.name}" for p, _, rc in CASES])
def test_rule_case(path, cf, rc):
    run = run_case(load_rules(), cf, rc, path.name)
    assert run.ok, "\n".join(run.failures)


def test_at_least_ten_cases_per_pathway_file():
    counts = Counter(p.stem for p, _, _ in CASES)
    expected = {"p25b", "p25a", "p60d", "p60c", "p16g", "p19d", "p25_5", "p23a", "p104c"}
    assert set(counts) == expected
    assert all(n >= 10 for n in counts.values()), counts


def test_every_case_names_its_paragraph():
    assert all("§" in rc.paragraph or "SächsHFKVO" in rc.paragraph for _, _, rc in CASES)
