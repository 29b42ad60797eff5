"""Benchmark: a full ``replicate report`` over 1,000,000 synthetic case records, CSV and JSONL.

Run: ``python benchmarks/bench_report.py [N]``. Targets, in CPU time measured in the same run (wall time
on a shared machine is noisy): the whole report (counting, protection, documents in every format,
ODS/XLSX, charts) costs at most 3× one plain ``csv.reader`` pass over the same file, and the process
peaks at no more than 300 MB resident memory. Each measurement runs in a fresh process, so its peak
memory is its own. The counting pass alone is printed too; document rendering is a fixed cost.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "examples" / "dresden.toml"
START = dt.date(2024, 3, 1)
CPU_TARGET = 3.0
MEMORY_TARGET_MB = 300


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, path: str, out: str) -> None:
    """Run one measurement in this (fresh) process and print CPU seconds and peak MB as JSON."""
    source = Path(path)
    if kind == "baseline":
        begin = time.process_time()
        with source.open(encoding="utf-8", newline="") as fh:
            for _row in csv.reader(fh):
                pass
    elif kind == "count":
        from replicate.report.aggregate import ReportPeriod, aggregate_file

        begin = time.process_time()
        aggregate_file(source, ReportPeriod(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    else:
        from replicate.report.build import build_report
        from replicate.settings import load_settings

        settings = load_settings(SETTINGS)
        begin = time.process_time()
        build_report(
            settings, source, Path(out), period=(dt.date(2025, 1, 1), dt.date(2025, 12, 31)), today=START
        )
    print(json.dumps({"cpu": time.process_time() - begin, "peak_mb": _peak_mb()}))


def _measure(kind: str, path: Path, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"measurement {kind} failed:\n{result.stderr}")
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main(count: int) -> int:
    from replicate.report.demo import write_demo_caseload

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".csv", ".jsonl"):
            path = write_demo_caseload(Path(tmp) / f"faelle{suffix}", count, 7, START)
            size = path.stat().st_size / 1e6
            base = _measure("baseline", path, Path(tmp) / "unused")
            counting = _measure("count", path, Path(tmp) / "unused")
            full = _measure("report", path, Path(tmp) / f"bericht{suffix}")
            ratio = full["cpu"] / base["cpu"]
            print(
                f"{suffix[1:]:5} {count:,} records, {size:.0f} MB: csv.reader pass {base['cpu']:.2f} s CPU; "
                f"counting {counting['cpu']:.2f} s ({counting['cpu'] / base['cpu']:.2f}×); full report "
                f"{full['cpu']:.2f} s CPU = {ratio:.2f}× (target ≤ {CPU_TARGET}×); peak memory "
                f"{full['peak_mb']:.0f} MB (target ≤ {MEMORY_TARGET_MB} MB)"
            )
            failed |= ratio > CPU_TARGET or full["peak_mb"] > MEMORY_TARGET_MB
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
    else:
        sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
