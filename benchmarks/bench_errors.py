"""Benchmark error reporting: the cost per reported problem must not grow with the number of problems.

A settings file with N unknown keys is loaded for a small and a large N (TOML and YAML); the baseline is
the small N, measured in the same run (CPU time). With a line lookup in one pass the time per problem
stays about the same, so the ratio is near 1 (target: ≤ 2; the quadratic lookup gave about 6 for 500 →
5000 keys).

Usage: python benchmarks/bench_errors.py [--small 500] [--large 5000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from replicate.errors import SettingsError
from replicate.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0


def _file(folder: Path, suffix: str, count: int) -> Path:
    if suffix == ".toml":
        base = (ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8")
        extra = "".join(f"unbekannt_{n} = 1\n" for n in range(count))
        text = base.replace("[kit]\n", "[kit]\n" + extra)
    else:
        base = (ROOT / "examples" / "landkreis-mittelsachsen.yaml").read_text(encoding="utf-8")
        extra = "".join(f"  unbekannt_{n}: 1\n" for n in range(count))
        text = base.replace("kit:\n", "kit:\n" + extra)
    path = folder / f"viele-{count}{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


def _per_problem(path: Path) -> float:
    start = time.process_time()
    try:
        load_settings(path)
    except SettingsError as err:
        count = len(err.problems)
    else:
        raise SystemExit(f"{path.name}: expected errors")
    return (time.process_time() - start) / count


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--large", type=int, default=5000)
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".toml", ".yaml"):
            _per_problem(_file(Path(folder), suffix, 10))  # warm up imports and caches
            small = _per_problem(_file(Path(folder), suffix, args.small))
            large = _per_problem(_file(Path(folder), suffix, args.large))
            ratio = large / small
            worst = max(worst, ratio)
            print(
                f"{suffix}: {args.small} keys {small * 1e6:.0f} µs/problem, {args.large} keys "
                f"{large * 1e6:.0f} µs/problem → ratio {ratio:.2f} (target ≤ {TARGET})"
            )
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
