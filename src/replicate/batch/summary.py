"""The summary of a batch run: one row per municipality (status, problems, duration), as CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from replicate import __version__
from replicate.atomicio import write_bytes
from replicate.batch.run import Outcome
from replicate.tabular import write_csv

COLUMNS = ["Kommune", "Ordner", "Status", "Probleme", "Dauer (s)"]


def summary_stem(shard: tuple[int, int] | None) -> str:
    """``zusammenfassung`` or, for a shard, ``zusammenfassung-2-von-4`` (shards may share one output)."""
    return "zusammenfassung" if shard is None else f"zusammenfassung-{shard[0]}-von-{shard[1]}"


def write_summary(out: Path, outcomes: list[Outcome], shard: tuple[int, int] | None = None) -> list[Path]:
    """Write ``<stem>.csv`` and ``<stem>.json`` into ``out``; return both paths."""
    stem = summary_stem(shard)
    rows = [
        [item.municipality, item.folder, item.status, " | ".join(item.problems), f"{item.seconds:.1f}"]
        for item in outcomes
    ]
    document = {
        "replicate_version": __version__,
        "shard": None if shard is None else {"index": shard[0], "count": shard[1]},
        "counts": {
            status: sum(1 for o in outcomes if o.status == status)
            for status in sorted({o.status for o in outcomes})
        },
        "kits": [
            {
                "municipality": item.municipality,
                "folder": item.folder,
                "status": item.status,
                "problems": item.problems,
                "seconds": round(item.seconds, 1),
            }
            for item in outcomes
        ],
    }
    csv_path, json_path = out / f"{stem}.csv", out / f"{stem}.json"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(csv_path, COLUMNS, rows)
    write_bytes(
        json_path,
        (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        make_parents=True,
    )
    return [csv_path, json_path]
