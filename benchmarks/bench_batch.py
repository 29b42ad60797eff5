"""Benchmark `replicate batch` against building the same kits one after another, in the same run.

Generates N settings (default 100, a TOML table of municipalities sharing the Dresden example's defaults),
then builds every kit

- one after another in this process with `new_kit` (what a network does without `batch`; the PDF thread
  pool of a single kit is used as usual), and
- with `build_all` (a process pool sized to the cores, one PDF thread per worker).

Prints wall and CPU time of both, the speed-up (target ≥ 1.8 on 2 cores), the peak memory of each worker
(target ≤ 300 MB) and the time projected for all ~400 Ausländerbehörden. CPU time includes the worker
processes (as they report it), so it shows what the pool costs on top of the work itself. On a machine
shared with other jobs the wall times are noisy: run it on an idle machine for figures to quote.

The two ways alternate in rounds (a slice of kits one after another, then as many in a batch), so that
a drifting load on a shared machine hits both alike. Each batch round starts a fresh pool, whose start
is part of the measured cost.

Usage: python benchmarks/bench_batch.py [--kits N] [--workers W] [--rounds R]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
import tomllib
from pathlib import Path

from replicate.batch import build_all, read_entries
from replicate.kit import new_kit

ROOT = Path(__file__).resolve().parents[1]
AUTHORITIES = 400
"""Roughly the number of Ausländerbehörden in Germany (one per kreisfreie Stadt and Landkreis, plus some)."""


def _toml(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)  # numbers and dates


def generated_table(count: int, target: Path) -> Path:
    """A TOML table: the Dresden example as defaults, ``count`` municipalities with their own names and figures."""
    base = tomllib.loads((ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8"))
    base.pop("profile", None)
    base["kit"]["reference_date"] = "2026-11-25"
    lines = []
    for section, content in base.items():
        lines.append(f"[defaults.{section}]")
        lines += [f"{key} = {_toml(value)}" for key, value in content.items()]
    for number in range(1, count + 1):
        name = f"Beispielstadt {number:03d}"
        lines += [
            "[[kits]]",
            f'folder = "kommune-{number:03d}"',
            "[kits.municipality]",
            f'name = "Stadt {name}"',
            f'short_name = "{name}"',
            'kind = "Große Kreisstadt"',
            f"tolerated_persons = {100 + 7 * number}",
            "figures_date = 2026-06-30",
            "[kits.advice_service]",
            f'project_name = "Perspektive Bleiberecht {name}"',
        ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kits", type=int, default=100)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds of both ways (load drift)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        entries = read_entries(generated_table(args.kits, work / "kommunen.toml"))
        new_kit(entries[0].settings, work / "warm")  # imports and per-process caches, as in the workers

        # Interleaved rounds: on a machine shared with other jobs the load drifts, so each round builds a
        # slice one after another and the same number of kits in a batch right after it.
        serial = serial_cpu = batch = batch_cpu = 0.0
        outcomes = []
        size = -(-len(entries) // args.rounds)
        for first in range(0, len(entries), size):
            chunk = entries[first : first + size]
            start, cpu_start = time.perf_counter(), cpu()
            for entry in chunk:
                new_kit(entry.settings, work / "einzeln" / entry.folder)
            serial += time.perf_counter() - start
            serial_cpu += cpu() - cpu_start
            start, cpu_start = time.perf_counter(), cpu()
            done = build_all(chunk, work / "batch", workers=args.workers)
            batch += time.perf_counter() - start
            # the workers are children of the forkserver, not of this process: they report their own CPU time
            batch_cpu += cpu() - cpu_start + sum(o.cpu_seconds for o in done)
            outcomes += done
    finally:
        shutil.rmtree(work, ignore_errors=True)

    failed = [o.folder for o in outcomes if o.status != "gebaut"]
    peak = max(o.peak_rss_mb for o in outcomes)
    speedup = serial / batch
    print(f"{args.kits} kits, {args.workers} worker processes, {os.cpu_count()} cores")
    print(
        f"one after another (new_kit):  {serial:8.1f} s wall  {serial_cpu:8.1f} s CPU  {serial / args.kits:5.2f} s/kit"
    )
    print(
        f"batch (process pool):         {batch:8.1f} s wall  {batch_cpu:8.1f} s CPU  {batch / args.kits:5.2f} s/kit"
    )
    print(
        f"speed-up (wall):              {speedup:8.2f} ×   target ≥ 1.8 on 2 cores: {'ok' if speedup >= 1.8 else 'MISSED'}"
    )
    print(f"CPU batch / one after another: {batch_cpu / serial_cpu:7.2f}")
    worker_cpu = sum(o.cpu_seconds for o in outcomes) / args.kits
    print(
        f"CPU per kit: one after another {serial_cpu / args.kits:.2f} s, in a batch worker {worker_cpu:.2f} s"
    )
    print(
        f"peak memory per worker:       {peak:8.0f} MB  target ≤ 300 MB: {'ok' if peak <= 300 else 'MISSED'}"
    )
    projected = batch / args.kits * AUTHORITIES
    print(
        f"projected for {AUTHORITIES} Ausländerbehörden: {projected / 60:.0f} min on this machine "
        f"({args.workers} workers); with --shard over k CI jobs about {projected / 60:.0f}/k min"
    )
    if failed:
        print(f"FAILED kits: {', '.join(failed)}")


if __name__ == "__main__":
    main()
