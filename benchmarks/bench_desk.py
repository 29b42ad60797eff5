"""Benchmark: ``replicate desk`` with 10,000 cases with histories.

Run: ``python benchmarks/bench_desk.py [N]``. Targets, in CPU time measured in the same run:

- the case list and the deadline board (whole page: query and HTML) each answer within 200 ms at the
  95th percentile; the plain SQLite query behind each page is measured as the baseline and the ratio
  printed;
- importing N offline-form files (one JSON file per case) costs at most 3× what ``replicate screen``
  needs for the same files (read and screen each one, as ``replicate screen fall.json`` does).

Both connection paths are measured, unencrypted (sqlite3) and encrypted (apsw-sqlite3mc), and the
encrypted figures are printed as ratios against the unencrypted ones of the same run.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from replicate.caserecord import load_case
from replicate.desk.app import DeskApp
from replicate.desk.security import COOKIE, Guard, loopback_hosts
from replicate.desk.store import Store
from replicate.desk.transfer import import_files
from replicate.report.demo import demo_persons
from replicate.rules import load_rules
from replicate.screening import screen

TODAY = dt.date(2027, 3, 1)
PAGE_TARGET_MS = 200.0
IMPORT_TARGET = 3.0
REPEAT = 40
PASSPHRASE = "Kirchturm Regenschirm Nordsee 7"


def _records(count: int) -> list[dict[str, Any]]:
    """Synthetic cases with histories, a toleration since entry and, for some, a § 25a deadline soon."""
    rng = random.Random(7)
    out = []
    for person in demo_persons(count, 1, dt.date(2025, 1, 1)):
        if rng.random() < 0.15:  # 27th birthday within the next 120 days
            birthday = TODAY + dt.timedelta(days=rng.randrange(1, 120))
            person["birth_date"] = birthday.replace(year=birthday.year - 27).isoformat()
        entry = dt.date(2013, 1, 1) + dt.timedelta(days=rng.randrange(0, 3000))
        person["entry_date"] = entry.isoformat()
        person["status_periods"] = [{"start": (entry + dt.timedelta(days=20)).isoformat(), "kind": "duldung"}]
        out.append(person)
    return out


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _cpu_ms(func: Callable[[], object]) -> list[float]:
    samples = []
    for _ in range(REPEAT):
        begin = time.process_time()
        func()
        samples.append((time.process_time() - begin) * 1000)
    return samples


def _get(app: DeskApp, path: str) -> str:
    target, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": target,
        "QUERY_STRING": query,
        "HTTP_HOST": "127.0.0.1:8750",
        "HTTP_COOKIE": f"{COOKIE}={app.guard.secret}",
        "wsgi.input": io.BytesIO(),
    }
    status: list[str] = []
    body = b"".join(app(environ, lambda s, h: status.append(s)))
    assert status[0].startswith("200"), status
    return body.decode()


def _pages(conn: Any) -> dict[str, tuple[str, Callable[[], object]]]:
    """Each page with the plain SQLite query behind it (the baseline)."""
    return {
        "Fallliste": (
            "/",
            lambda: conn.execute(
                "SELECT case_id, status, next_deadline, last_contact FROM cases "
                "ORDER BY next_deadline IS NULL, next_deadline, case_id LIMIT 500"
            ).fetchall(),
        ),
        "Fallliste mit Suche": (
            "/?suche=SYNTH-0012&status=offen",
            lambda: conn.execute(
                "SELECT case_id FROM cases WHERE instr(lower(case_id), 'synth-0012') > 0 AND status = 'offen' "
                "ORDER BY next_deadline LIMIT 500"
            ).fetchall(),
        ),
        "Fristen 30 Tage": (
            "/fristen?tage=30",
            lambda: conn.execute(
                "SELECT d.due, c.case_id FROM deadlines d JOIN cases c ON c.id = d.case_ref "
                "WHERE c.status = 'offen' AND d.due BETWEEN '2027-03-01' AND '2027-03-31' ORDER BY d.due"
            ).fetchall(),
        ),
        "Fristen 90 Tage": (
            "/fristen?tage=90",
            lambda: conn.execute(
                "SELECT d.due, c.case_id FROM deadlines d JOIN cases c ON c.id = d.case_ref "
                "WHERE c.status = 'offen' AND d.due BETWEEN '2027-03-01' AND '2027-05-30' ORDER BY d.due"
            ).fetchall(),
        ),
    }


def _run(
    label: str, db: Path, passphrase: str | None, files: list[tuple[Path, str]], screen_cpu: float, rules: Any
) -> tuple[bool, dict[str, float]]:
    """Import, then every page; print the figures of one connection path and return them."""
    begin = time.process_time()
    store = Store(db, rules, "bench", passphrase)
    opened = time.process_time() - begin
    begin = time.process_time()
    result = import_files(store, files, TODAY)
    import_cpu = time.process_time() - begin
    assert len(result.added) == len(files) and not result.problems, result.problems[:3]
    app = DeskApp(store, Guard(loopback_hosts("127.0.0.1", 8750)), today=lambda: TODAY)
    figures = {"Öffnen": opened * 1000, "Import": import_cpu}
    print(f"\n{label} ({len(store.board(TODAY, 90))} Fristen in 90 Tagen; Öffnen {opened * 1000:.0f} ms CPU)")
    ok = True
    for name, (path, baseline) in _pages(store.conn).items():
        page = _p95(_cpu_ms(lambda path=path: _get(app, path)))  # type: ignore[misc]
        base = _p95(_cpu_ms(baseline))
        figures[name] = page
        ratio = page / base if base > 0 else float("inf")
        good = page <= PAGE_TARGET_MS
        ok &= good
        print(
            f"  {name:22} p95 {page:7.1f} ms (Ziel ≤ {PAGE_TARGET_MS:.0f} ms)   SQLite allein {base:6.1f} ms   "
            f"Verhältnis {ratio:5.1f}×   {'ok' if good else 'ZU LANGSAM'}"
        )
    ratio = import_cpu / screen_cpu
    good = ratio <= IMPORT_TARGET
    ok &= good
    print(
        f"  Import {len(files)} Dateien: {import_cpu:.1f} s CPU; replicate screen derselben Dateien {screen_cpu:.1f} s; "
        f"Verhältnis {ratio:.2f}× (Ziel ≤ {IMPORT_TARGET:.0f}×)   {'ok' if good else 'ZU LANGSAM'}"
    )
    store.close()
    return ok, figures


def main(count: int) -> int:
    rules = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "formulare"
        folder.mkdir()
        files = []
        for record in _records(count):
            path = folder / f"{record['case_id']}.json"
            path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            files.append((path, path.name))

        begin = time.process_time()
        for path, _ in files:
            screen(load_case(path), rules, TODAY)
        screen_cpu = time.process_time() - begin

        print(f"{count} Fälle mit Verlauf")
        plain_ok, plain = _run(
            "Unverschlüsselt (sqlite3)", Path(tmp) / "klar.sqlite", None, files, screen_cpu, rules
        )
        crypt_ok, crypt = _run(
            "Verschlüsselt (SQLite3 Multiple Ciphers, ChaCha20)",
            Path(tmp) / "geheim.sqlite",
            PASSPHRASE,
            files,
            screen_cpu,
            rules,
        )
        print("\nVerschlüsselt gegenüber unverschlüsselt (CPU, derselbe Lauf):")
        for name in plain:
            if name != "Öffnen":
                print(f"  {name:22} {crypt[name] / plain[name]:5.2f}×")
        print(
            f"  {'Öffnen':22} {crypt['Öffnen']:.0f} ms statt {plain['Öffnen']:.0f} ms (Schlüsselableitung, einmal je Verbindung)"
        )
    return 0 if plain_ok and crypt_ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
