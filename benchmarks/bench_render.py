"""Micro-benchmark of the renderers: milliseconds per document and format, and the ratio to HTML.

Parses each Markdown file once, warms every renderer up (imports, caches), then reports the median
of ``--runs`` renders per format, measured in the same run. The HTML render is the yardstick.

Usage: python benchmarks/bench_render.py [--runs N] [FILE.md ...]   (default: tests/render/sample.md)
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from replicate.render.docx import to_docx
from replicate.render.html import to_html
from replicate.render.meta import DocMeta
from replicate.render.odt import to_odt
from replicate.render.pdf import to_pdf
from replicate.render.tree import parse

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "render" / "sample.md"


def median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def bench(path: Path, runs: int) -> None:
    markdown = path.read_text(encoding="utf-8")
    meta = DocMeta(path.stem, footer="Kit · Stand 25.11.2026", date=datetime.date(2026, 11, 25))
    tree = parse(markdown)
    renderers: dict[str, Callable[[SyntaxTreeNode, DocMeta], bytes]] = {
        "html": to_html,
        "docx": to_docx,
        "odt": to_odt,
        "pdf": to_pdf,
    }
    for render in renderers.values():  # warm-up: imports, templates, fonts
        render(tree, meta)
    timings = {"parse": median_ms(lambda: parse(markdown), runs)}
    for fmt, render in renderers.items():
        timings[fmt] = median_ms(lambda render=render: render(tree, meta), runs)  # type: ignore[misc]
    html = timings["html"]
    print(f"{path.name} ({len(markdown)} characters, median of {runs} runs)")
    for name, ms in timings.items():
        print(f"  {name:<6} {ms:8.2f} ms   {ms / html:6.1f} × html")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("files", nargs="*", type=Path, default=[SAMPLE])
    args = parser.parse_args()
    for path in args.files:
        bench(path, args.runs)


if __name__ == "__main__":
    main()
