"""Benchmark memory on small hostile inputs: each must stay near the memory of a normal run.

Each probe runs ``replicate`` in a fresh process and reads its peak memory (maximum resident set size);
the baseline is ``replicate check`` on the shipped Dresden settings, measured in the same run. The
probes are inputs under 1 MB that once took gigabytes (issue 9, item 7): a CSV header with list position
1,000,000, a 1 MB project name, a PNG logo that claims 40,000 × 40,000 pixels, YAML and JSON nested
thousands of levels deep. Target: every probe ≤ 2 × the baseline, and none exits with an internal error.

Usage: python benchmarks/bench_hostile_inputs.py
"""

from __future__ import annotations

import resource
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRESDEN = (ROOT / "examples" / "dresden.toml").read_text(encoding="utf-8")
TARGET = 2.0
RUN = (
    "import sys, resource; from replicate.cli import main; code = main(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)"
)


def _png(width: int, height: int) -> bytes:
    chunk = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\0" * 1000)
    idat = b"IDAT" + body
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + struct.pack(">I", len(body))
        + idat
        + struct.pack(">I", zlib.crc32(idat))
    )


def _probes(folder: Path) -> dict[str, list[str]]:
    (folder / "kopf.csv").write_text("case_id,status_periods.1000000.start\nA,2020-01-01\n", encoding="utf-8")
    (folder / "name.toml").write_text(
        DRESDEN.replace("Perspektive Bleiberecht Dresden", "Perspektive Bleiberecht " + "x" * 900_000),
        encoding="utf-8",
    )
    (folder / "logo.png").write_bytes(_png(40_000, 40_000))
    (folder / "logo.toml").write_text(
        DRESDEN.replace("[kit]\n", '[kit]\nlogo = "logo.png"\n'), encoding="utf-8"
    )
    (folder / "tief.yaml").write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    (folder / "tief.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (folder / "zeile.csv").write_text("case_id,birth_date\n" + "A," + "x" * 900_000 + "\n", encoding="utf-8")
    out = str(folder / "out.csv")
    return {
        "Basis: check dresden.toml": ["check", str(ROOT / "examples" / "dresden.toml")],
        "CSV-Kopf mit Listenplatz 1000000": ["screen", str(folder / "kopf.csv"), "--out", out],
        "Projektname mit 900 000 Zeichen": ["check", str(folder / "name.toml")],
        "PNG-Logo 40000 × 40000": ["check", str(folder / "logo.toml")],
        "YAML 100 000 Ebenen tief": ["check", str(folder / "tief.yaml")],
        "JSON-Fallliste 200 000 Ebenen tief": ["screen", str(folder / "tief.json"), "--out", out],
        "CSV-Zelle mit 900 000 Zeichen": ["screen", str(folder / "zeile.csv"), "--out", out],
    }


def _peak_kb(args: list[str]) -> tuple[int, int, str]:
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=600)
    lines = done.stderr.strip().splitlines()
    peak = (
        int(lines[-1])
        if lines and lines[-1].isdigit()
        else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return done.returncode, peak, "\n".join(lines[:-1])


def main() -> int:
    failed = False
    with tempfile.TemporaryDirectory() as name:
        probes = _probes(Path(name))
        base = 0
        for label, args in probes.items():
            code, peak, err = _peak_kb(args)
            base = base or peak
            ratio = peak / base
            internal = "Interner Fehler" in err or "Traceback" in err
            failed |= ratio > TARGET or internal or (code != 0 and label.startswith("Basis"))
            print(
                f"{label:38} exit {code}  peak {peak / 1024:7.1f} MB  ratio {ratio:4.2f}{'  INTERNER FEHLER' if internal else ''}"
            )
    print(f"target: every ratio ≤ {TARGET}, no internal error")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
