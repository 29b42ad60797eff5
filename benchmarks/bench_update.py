"""Benchmark `replicate update` against a fresh `replicate new` of the same kit, measured in the same run.

Targets (issue 13), CPU time of this process and its threads, medians over several runs:

- an update to a later reference date (everything re-rendered, local edits merged) ≤ 1.5 × a fresh `new`;
- an update where nothing changed ≤ 0.2 × a fresh `new` (nothing is re-rendered).

Usage: python benchmarks/bench_update.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from replicate.kit import new_kit
from replicate.kit.update import update_kit
from replicate.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
AGREEMENT = "vereinbarung/kooperationsvereinbarung.md"


def timed(prepare: Callable[[Path], None], action: Callable[[Path], None], runs: int) -> float:
    """Median CPU seconds of ``action`` (``prepare`` runs first, untimed, in a fresh folder)."""
    samples = []
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix="bench-update-"))
        try:
            prepare(work / "kit")
            start = time.process_time()
            action(work / "kit")
            samples.append(time.process_time() - start)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("REPLICATE_KIT__REFERENCE_DATE", "2026-11-25")
    settings = load_settings(ROOT / "examples" / "dresden.toml")

    def nothing(kit: Path) -> None:
        pass

    def build(kit: Path) -> None:
        new_kit(settings, kit)

    def build_and_edit(kit: Path) -> None:
        build(kit)
        path = kit / AGREEMENT
        path.write_text(path.read_text(encoding="utf-8") + "\nÖrtlich ergänzter Absatz.\n", encoding="utf-8")

    def update_later(kit: Path) -> None:
        result = update_kit(kit, settings, reference_date=date(2027, 7, 1))
        assert not result.conflicts and AGREEMENT in result.merged

    def update_same(kit: Path) -> None:
        assert update_kit(kit, settings).up_to_date

    timed(nothing, build, 1)  # imports and caches warmed up
    fresh = timed(nothing, build, args.runs)
    later = timed(build_and_edit, update_later, args.runs)
    same = timed(build, update_same, args.runs)
    print(f"replicate new (frisch):                 {fresh:7.3f} s CPU")
    print(
        f"update auf späteren Stichtag:           {later:7.3f} s CPU  = {later / fresh:.2f} × new (Ziel ≤ 1,5)"
    )
    print(
        f"update ohne Änderung:                   {same:7.3f} s CPU  = {same / fresh:.2f} × new (Ziel ≤ 0,2)"
    )


if __name__ == "__main__":
    main()
