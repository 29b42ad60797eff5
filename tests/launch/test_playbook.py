"""The playbook data: every reference resolves, and broken playbooks are refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from replicate.errors import RulesError
from replicate.kit.template import template_path
from replicate.launch.playbook import GENERATED_DOCUMENTS, find_cycle, load_playbook, playbooks_dir
from replicate.launch.programmes import deadlines, programmes

HERE = Path(__file__).parent
BAD = yaml.safe_load((HERE / "bad_playbooks.yaml").read_text(encoding="utf-8"))
KIT_TEMPLATE = template_path() / "kit"


def test_shipped_playbook_resolves() -> None:
    playbook = load_playbook(template_kit=KIT_TEMPLATE)
    steps = playbook.steps()
    ids = {step.id for step in steps}
    assert len(ids) == len(steps)
    documents = {
        p.relative_to(KIT_TEMPLATE).as_posix().removesuffix(".jinja")
        for p in KIT_TEMPLATE.rglob("*.md.jinja")
    }
    for step in steps:
        assert set(step.depends_on) <= ids, step.id
        for doc in (*step.produces, *step.uses):
            assert doc in documents or doc in GENERATED_DOCUMENTS, (step.id, doc)
    assert not find_cycle({step.id: step.depends_on for step in steps})


def test_playbook_covers_every_phase_of_a_launch() -> None:
    """The phases the issue names, in order: needs, partners, decision, financing, agreement, data
    protection, staffing, start, operation, evaluation, continuation or exit."""
    playbook = load_playbook(template_kit=KIT_TEMPLATE)
    assert [phase.title for phase in playbook.phases] == [
        "Bedarfsanalyse",
        "Partner",
        "Beschluss",
        "Finanzierung",
        "Vereinbarung",
        "Datenschutz",
        "Personal",
        "Start",
        "Betrieb",
        "Evaluation",
        "Verstetigung oder Ausstieg",
    ]
    produced = {doc for step in playbook.steps() for doc in step.produces}
    for doc in (
        "start/beschlussvorlage.md",
        "start/finanzierungsplan.md",
        "start/foerderantrag.md",
        "start/stellenprofil.md",
        "start/verstetigung-exitplan.md",
        "start/handreichung-behoerde.md",
        "start/evaluationskonzept.md",
        "start/pressemitteilung.md",
        "start/flyer-verweisende.md",
    ):
        assert doc in produced, doc
    pitfalls = " ".join(p for step in playbook.steps() for p in step.pitfalls)
    assert "Leipzig" in pitfalls and "Dezember 2025" in pitfalls
    assert "§ 2 Abs. 1 RDG" in pitfalls


def test_every_offset_says_where_it_comes_from() -> None:
    """An offset is either a rule with its source or marked as an assumption, never a bare number."""
    for step in load_playbook(template_kit=KIT_TEMPLATE).steps():
        basis = step.offset_basis
        assert basis.startswith("Annahme") or step.offset_days == 0 or "§" in basis, step.id


@pytest.mark.parametrize("case", BAD, ids=[c["name"] for c in BAD])
def test_broken_playbook_is_refused(case: dict, tmp_path: Path) -> None:
    text = (playbooks_dir() / "launch.yaml").read_text(encoding="utf-8")
    for old, new in case["replace"]:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "launch.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_playbook(path, template_kit=KIT_TEMPLATE)
    message = str(info.value)
    for expected in case["expect"]:
        assert expected in message, message


def test_programmes_and_deadlines_carry_sources() -> None:
    table = programmes()
    assert table["fachkraefteallianz"].max_rate_percent == 90  # Fachkräfterichtlinie, Teil E
    assert table["fachkraefteallianz"].proof_of_use_months == 3  # Teil G Abschnitt I Nr. 7
    assert table["integrative_massnahmen"].proof_of_use_months == 3  # FRL IM Teil 1 VI Nr. 7
    for key, programme in table.items():
        assert programme.proof_source, key
        if programme.max_rate_percent is not None:
            assert programme.rate_source, key
    for deadline in deadlines():
        assert deadline.source.startswith(("http", "Landeshauptstadt", "Hinweis")), deadline
        assert "http" in deadline.source


def test_find_cycle() -> None:
    assert find_cycle({"a": ("b",), "b": ("c",), "c": ("a",)}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ("b",), "b": (), "c": ("a", "b")}) == []
