"""Benchmark `replicate new` against its baselines, measured in the same run.

Prints medians over several runs (imports excluded: everything is warmed up once first) and the ratios the
foundation issue sets as targets:

- text rendering of replicate (Copier's Python API) ≤ 2 × a plain Jinja2 render of the same template files;
- the full kit in all four formats ≤ 3 × `copier copy` producing the text alone.

Usage: python benchmarks/bench_new.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jinja2
from copier import run_copy

from replicate.kit import new_kit, template_path
from replicate.kit.build import render_template
from replicate.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]


def plain_jinja(template: Path, data: dict[str, object], out: Path) -> None:
    """Render every ``*.jinja`` file of the kit folder with Jinja2 alone (the lower bound)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        extensions=["jinja2_ansible_filters.AnsibleCoreFiltersExtension"],
    )
    context = {**data, "_copier_answers": data, "_copier_conf": {"answers_file": ".copier-answers.yml"}}
    kit = template / "kit"
    for source in sorted(kit.rglob("*.jinja")):
        relative = source.relative_to(template).as_posix()
        name = env.from_string(source.relative_to(kit).as_posix()[: -len(".jinja")]).render(context)
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(relative).render(context), encoding="utf-8")


def timed(action: Callable[[Path], None], runs: int) -> float:
    samples = []
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            start = time.perf_counter()
            action(work / "out")
            samples.append(time.perf_counter() - start)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    os.environ.setdefault("REPLICATE_KIT__REFERENCE_DATE", "2026-11-25")
    settings = load_settings(ROOT / "examples" / "dresden.toml")
    template = template_path()
    data = settings.template_data()

    def jinja_only(out: Path) -> None:
        plain_jinja(template, data, out)

    def copier_copy(out: Path) -> None:
        run_copy(str(template), str(out), data=data, defaults=True, overwrite=True, quiet=True)

    def replicate_text(out: Path) -> None:
        render_template(settings, out)

    def replicate_full(out: Path) -> None:
        new_kit(settings, out)

    for action in (jinja_only, copier_copy, replicate_text, replicate_full):  # warm-up: imports, fonts
        timed(action, 1)
    t_jinja = timed(jinja_only, args.runs)
    t_copier = timed(copier_copy, args.runs)
    t_text = timed(replicate_text, args.runs)
    t_full = timed(replicate_full, max(3, args.runs // 2))

    print(f"runs: {args.runs} (median)")
    print(f"plain Jinja2 render of the template files : {t_jinja * 1000:8.1f} ms")
    print(f"copier copy (text only)                    : {t_copier * 1000:8.1f} ms")
    print(f"replicate text rendering (Copier API)      : {t_text * 1000:8.1f} ms")
    print(f"replicate new, full kit, {len(settings.kit.formats)} formats          : {t_full * 1000:8.1f} ms")
    print(f"ratio text / plain Jinja2   = {t_text / t_jinja:6.2f}   (target ≤ 2)")
    print(f"ratio full kit / copier copy = {t_full / t_copier:6.2f}   (target ≤ 3)")


if __name__ == "__main__":
    main()
