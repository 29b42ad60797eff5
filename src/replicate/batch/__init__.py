"""Kits for a whole network at once: validate every entry of a list, build in a process pool, summarise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from replicate.batch.entries import Entry, folder_name, read_entries
from replicate.batch.run import BUILT, CRASHED, FAILED, UNCHANGED, Outcome, Progress, build_all, select_shard
from replicate.batch.summary import write_summary
from replicate.errors import BatchError, InputError, Problem


@dataclass
class BatchResult:
    """What :func:`run_batch` did."""

    outcomes: list[Outcome]
    summary: list[Path]
    skipped_by_shard: int

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in (FAILED, CRASHED)]


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` → ``(2, 4)``; raises :class:`BatchError` with the fix."""
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        index, count = 0, 0
    if not 1 <= index <= count:
        raise BatchError(
            [
                InputError(
                    "--shard",
                    [
                        Problem(
                            f"„{text}“ ist keine gültige Angabe",
                            hint="Schreiben Sie I/N mit 1 ≤ I ≤ N, z. B. --shard 2/4.",
                        )
                    ],
                )
            ]
        )
    return index, count


def check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BatchError(
            [
                InputError(
                    out, [Problem("ist eine Datei, kein Ordner", hint="Wählen Sie einen Ausgabeordner.")]
                )
            ]
        )


def run_batch(
    source: Path,
    out: Path,
    *,
    defaults: Path | None = None,
    resume: bool = False,
    shard: tuple[int, int] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Validate every entry of ``source`` (nothing is built if one is invalid), then build this shard's kits."""
    check_out(out)
    entries = read_entries(source, defaults)
    chosen = select_shard(entries, shard)
    outcomes = build_all(chosen, out, resume=resume, workers=workers, progress=progress)
    summary = write_summary(out, outcomes, shard)
    return BatchResult(outcomes, summary, len(entries) - len(chosen))


__all__ = [
    "BUILT", "CRASHED", "FAILED", "UNCHANGED", "BatchResult", "Entry", "Outcome",
    "build_all", "folder_name", "parse_shard", "read_entries", "run_batch", "select_shard",
]  # fmt: skip
