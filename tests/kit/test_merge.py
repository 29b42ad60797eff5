"""The three-way merge agrees with ``git merge-file`` (same clean merges, conflicts in the same places)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replicate.kit.merge import has_conflict_markers, merge3

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is needed as the reference implementation")


def git_merge(tmp: Path, base: str, ours: str, theirs: str) -> tuple[str, int]:
    """``git merge-file`` with the same labels; returns the text and the number of conflicts."""
    for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
        (tmp / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [
            GIT or "git",
            "merge-file",
            "-p",
            "-L",
            "Ihre Fassung",
            "-L",
            "Basis",
            "-L",
            "Neue Vorlage",
            str(tmp / "ours"),
            str(tmp / "base"),
            str(tmp / "theirs"),
        ],
        capture_output=True,
        check=False,
    )
    assert done.returncode >= 0, done.stderr
    return done.stdout.decode("utf-8"), done.returncode


@st.composite
def edited(draw: st.DrawFn, base: list[str], pool: list[str]) -> list[str]:
    """``base`` with some regions replaced by lines from ``pool`` (kept in order, so that every diff has
    exactly one best alignment and git's and difflib's algorithms must agree)."""
    cuts = sorted(draw(st.sets(st.integers(0, len(base)), max_size=6)))
    out: list[str] = []
    position = 0
    for number, cut in enumerate(cuts):
        out.extend(base[position:cut])
        if number % 2 == 0:
            end = cut + draw(st.integers(0, 3))
            inserted = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True))
            out.extend(sorted(inserted, key=pool.index))
            position = min(end, len(base))
        else:
            position = cut
        position = max(position, cut)
    out.extend(base[position:])
    return out


@st.composite
def three_texts(draw: st.DrawFn) -> tuple[str, str, str]:
    size = draw(st.integers(0, 14))
    base = [f"Zeile {i}\n" for i in range(size)]
    pool = [f"neu {i}\n" for i in range(8)]
    ours = draw(edited(base, pool))
    theirs = draw(edited(base, pool)) if draw(st.booleans()) else list(ours)
    return "".join(base), "".join(ours), "".join(theirs)


@needs_git
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=three_texts())
def test_same_result_as_git_merge_file(tmp_path: Path, texts: tuple[str, str, str]) -> None:
    base, ours, theirs = texts
    expected, conflicts = git_merge(tmp_path, base, ours, theirs)
    result = merge3(base, ours, theirs)
    assert result.conflicts == conflicts
    assert result.text == expected


@needs_git
@pytest.mark.parametrize(
    ("base", "ours", "theirs"),
    [
        # conflicts separated by lines without letters are joined, as git does
        ("a\nb\n\n-\n\n*\nc\nd\n", "A\nb\n\n-\n\n*\nc\nD\n", "X\nb\n\n-\n\n*\nc\nY\n"),
        # a change on one side only between two conflicts keeps them apart
        ("a\nb\nc\nd\ne\n", "A\nb\nc\nd\nE\n", "X\nb\nC\nd\nY\n"),
        # text without a final newline
        ("a\nb", "a\nB", "A\nb"),
        ("a\nb", "a\nB", "a\nC"),
        # a deletion against a change
        ("a\nb\nc\n", "a\nc\n", "a\nB\nc\n"),
        # equal first and last lines are matched at the ends, as xdiff trims them (found by hypothesis)
        ("Zeile 0\nZeile 1\n", "neu 0\nneu 1\n", "neu 0\nZeile 0\nZeile 1\nneu 0\nneu 1\n"),
        # the same deletion on both sides does not keep two close conflicts apart (found by hypothesis)
        (
            "Zeile 0\nZeile 1\nZeile 2\nZeile 3\nZeile 4\n",
            "neu 0\nZeile 0\nZeile 1\nZeile 3\n",
            "Zeile 1\nZeile 3\nneu 0\nZeile 4\n",
        ),
    ],
)
def test_examples_like_git(tmp_path: Path, base: str, ours: str, theirs: str) -> None:
    expected, conflicts = git_merge(tmp_path, base, ours, theirs)
    result = merge3(base, ours, theirs)
    assert (result.text, result.conflicts) == (expected, conflicts)


def test_a_clause_edited_locally_survives_a_template_change() -> None:
    base = "# Vereinbarung\n\n(1) Die Partner treffen sich monatlich.\n\n(2) Stand: 25.11.2026.\n"
    ours = "# Vereinbarung\n\n(1) Die Partner treffen sich alle zwei Wochen.\n\n(2) Stand: 25.11.2026.\n"
    theirs = "# Vereinbarung\n\n(1) Die Partner treffen sich monatlich.\n\n(2) Stand: 01.07.2027.\n"
    result = merge3(base, ours, theirs)
    assert result.conflicts == 0
    assert "alle zwei Wochen" in result.text and "01.07.2027" in result.text
    assert not has_conflict_markers(result.text)


def test_both_sides_change_the_same_clause() -> None:
    base = "(1) A.\n\n(2) B.\n\n(3) C.\n"
    result = merge3(base, base.replace("B.", "B, örtlich."), base.replace("B.", "B, neu gefasst."))
    assert result.conflicts == 1
    assert result.text == (
        "(1) A.\n\n<<<<<<< Ihre Fassung\n(2) B, örtlich.\n=======\n(2) B, neu gefasst.\n"
        ">>>>>>> Neue Vorlage\n\n(3) C.\n"
    )
    assert has_conflict_markers(result.text)


LINES = st.lists(st.sampled_from(["", "a\n", "b\n", "\n", "- x\n", "ä\n"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(base=LINES, ours=LINES, theirs=LINES)
def test_merge_identities(base: str, ours: str, theirs: str) -> None:
    """Whatever the alignment: one side unchanged gives the other side; equal sides give that side."""
    assert merge3(base, base, theirs).text == theirs and merge3(base, base, theirs).conflicts == 0
    assert merge3(base, ours, base).text == ours and merge3(base, ours, base).conflicts == 0
    assert merge3(base, ours, ours).text == ours
    result = merge3(base, ours, theirs)
    assert has_conflict_markers(result.text) == (result.conflicts > 0)
