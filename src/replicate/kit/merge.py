"""A three-way merge of text by lines (diff3), as ``git merge-file`` does it, on the standard library.

Changes of each side against the common base are found with :mod:`difflib`. Changes of the two sides that
overlap or touch are one region: identical on both sides it is taken once, otherwise it is a conflict.
Like git's default ("zealous") merge, a conflict is narrowed to the lines in which the two sides really
differ, and conflicts separated by at most three lines (or only by lines without letters or digits) are
joined into one. The tests compare the result with ``git merge-file`` on generated texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

OURS = "<<<<<<< Ihre Fassung"
SEPARATOR = "======="
THEIRS = ">>>>>>> Neue Vorlage"
MARKERS = (OURS, SEPARATOR, THEIRS)


@dataclass(frozen=True)
class MergeResult:
    """The merged text and the number of conflicts marked in it."""

    text: str
    conflicts: int


@dataclass
class _Chunk:
    """Part of the merged output: common lines, or a conflict between ``ours`` and ``theirs``."""

    ours: list[str]
    theirs: list[str] | None = None  # None: no conflict, ``ours`` is the merged text
    stable: bool = False  # lines common to both sides (unchanged, or changed alike), not one side's change

    @property
    def conflict(self) -> bool:
        return self.theirs is not None


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Edit operations from ``a`` to ``b`` as :meth:`SequenceMatcher.get_opcodes` gives them, after
    setting aside the common first and last lines as xdiff does (``xdl_trim_ends``), so that equal
    lines at the ends are matched with each other, as in git, not with a longer run in the middle."""
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    ops: list[tuple[str, int, int, int, int]] = []
    if head:
        ops.append(("equal", 0, head, 0, head))
    matcher = SequenceMatcher(None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


def _hunks(base: list[str], side: list[str]) -> list[tuple[int, int, int, int]]:
    """Changed regions ``(base_start, base_end, side_start, side_end)`` of ``side`` against ``base``."""
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in _opcodes(base, side) if tag != "equal"]


def _side_range(
    hunks: list[tuple[int, int, int, int]], lo: int, hi: int, offset: int
) -> tuple[tuple[int, int], int]:
    """Where the base range ``lo:hi`` lies in a side, given the side's hunks inside it and the offset
    (side index minus base index) before it; returns the range and the offset after it."""
    if not hunks:
        return (lo + offset, hi + offset), offset
    first, last = hunks[0], hunks[-1]
    start = first[2] - (first[0] - lo)
    end = last[3] + (hi - last[1])
    return (start, end), last[3] - last[1]


def _regions(base: list[str], ours: list[str], theirs: list[str]) -> list[_Chunk]:
    """Split the merge into stable chunks and changed regions (clean or conflicting)."""
    a, b = _hunks(base, ours), _hunks(base, theirs)
    tagged = sorted([(h, 0) for h in a] + [(h, 1) for h in b], key=lambda t: (t[0][0], t[0][1], t[1]))
    chunks: list[_Chunk] = []
    offsets = [0, 0]
    position = 0
    index = 0
    while index < len(tagged):
        lo, hi = tagged[index][0][0], tagged[index][0][1]
        group = [tagged[index]]
        index += 1
        while index < len(tagged) and tagged[index][0][0] <= hi:  # overlapping or touching
            hi = max(hi, tagged[index][0][1])
            group.append(tagged[index])
            index += 1
        if position < lo:
            chunks.append(_Chunk(base[position:lo], stable=True))
        sides = []
        for number, lines in ((0, ours), (1, theirs)):
            own = [h for h, who in group if who == number]
            (start, end), offsets[number] = _side_range(own, lo, hi, offsets[number])
            sides.append((bool(own), lines[start:end]))
        (changed_ours, text_ours), (changed_theirs, text_theirs) = sides
        if not changed_theirs:
            chunks.append(_Chunk(text_ours))
        elif not changed_ours:
            chunks.append(_Chunk(text_theirs))
        elif text_ours == text_theirs:
            # the same change on both sides: git records no change here, so it counts as common lines
            # between two conflicts (and they may be joined across it)
            chunks.append(_Chunk(text_ours, stable=True))
        else:
            chunks.extend(_refine(text_ours, text_theirs))
        position = hi
    if position < len(base):
        chunks.append(_Chunk(base[position:], stable=True))
    return chunks


def _refine(ours: list[str], theirs: list[str]) -> list[_Chunk]:
    """Narrow a conflict to the lines in which the two sides differ (git's "zealous" level)."""
    if not ours or not theirs:
        return [_Chunk(ours, theirs)]
    out: list[_Chunk] = []
    for tag, i1, i2, j1, j2 in _opcodes(ours, theirs):
        if tag == "equal":
            out.append(_Chunk(ours[i1:i2], stable=True))
        else:
            out.append(_Chunk(ours[i1:i2], theirs[j1:j2]))
    return out


def _has_alnum(lines: list[str]) -> bool:
    """Whether any line holds an ASCII letter or digit (git tests bytes with C's ``isalnum``)."""
    return any(ch.isascii() and ch.isalnum() for line in lines for ch in line)


def _join_close_conflicts(chunks: list[_Chunk]) -> list[_Chunk]:
    """Join two conflicts separated only by common lines, if those are at most three or hold no letter
    or digit (git's ``XDL_MERGE_ZEALOUS_ALNUM``, the level ``git merge-file`` uses)."""
    # first join neighbouring stable chunks so that "between two conflicts" is one chunk
    flat: list[_Chunk] = []
    for chunk in chunks:
        if flat and chunk.stable and flat[-1].stable:
            flat[-1] = _Chunk(flat[-1].ours + chunk.ours, stable=True)
        elif chunk.conflict or chunk.ours or not chunk.stable:
            flat.append(chunk)
    out: list[_Chunk] = []
    for chunk in flat:
        if (
            chunk.conflict
            and len(out) >= 2
            and out[-2].conflict
            and out[-1].stable
            and (len(out[-1].ours) <= 3 or not _has_alnum(out[-1].ours))
        ):
            gap = out.pop().ours
            previous = out.pop()
            assert previous.theirs is not None and chunk.theirs is not None
            out.append(_Chunk(previous.ours + gap + chunk.ours, previous.theirs + gap + chunk.theirs))
        else:
            out.append(chunk)
    return out


def merge3(base: str, ours: str, theirs: str) -> MergeResult:
    """Merge the changes from ``base`` to ``ours`` (local edits) and to ``theirs`` (the new template).

    Lines changed on one side only are taken from that side; where both sides changed the same lines
    differently, both versions are written between German conflict markers.
    """
    chunks = _join_close_conflicts(
        _regions(base.splitlines(keepends=True), ours.splitlines(keepends=True), theirs.splitlines(True))
    )
    out: list[str] = []
    conflicts = 0
    for chunk in chunks:
        if chunk.theirs is None:
            out.extend(chunk.ours)
            continue
        conflicts += 1
        out.append(OURS + "\n")
        out.extend(_terminated(chunk.ours))
        out.append(SEPARATOR + "\n")
        out.extend(_terminated(chunk.theirs))
        out.append(THEIRS + "\n")
    return MergeResult("".join(out), conflicts)


def _terminated(lines: list[str]) -> list[str]:
    """Lines inside a conflict, the last one ending with a newline so that the marker starts a line."""
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines


def has_conflict_markers(text: str) -> bool:
    """Whether ``text`` still holds conflict markers written by :func:`merge3`."""
    lines = set(text.splitlines())
    return OURS in lines and THEIRS in lines
