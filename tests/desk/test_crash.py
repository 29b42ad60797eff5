"""Killing the desk (SIGKILL) in the middle of writes loses no committed case and corrupts nothing."""

from __future__ import annotations

import http.client
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from replicate.desk.security import COOKIE


def _post(port: int, cookie: str, csrf: str, case_id: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urlencode({"case_id": case_id, "birth_date": "2001-03-04", "csrf": csrf})
    conn.request(
        "POST",
        "/neu",
        body,
        {
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{port}",
        },
    )
    status = conn.getresponse().status
    conn.close()
    return status


def test_kill_during_writes_keeps_every_confirmed_case(tmp_path: Path) -> None:
    db = tmp_path / "beratung.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "replicate", "desk", "--db", str(db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = re.search(r"(http://\S+)", line)
        assert url, line
        parts = urlsplit(url.group(1))
        port = parts.port or 0
        secret = parts.query.split("=", 1)[1]
        cookie = f"{COOKIE}={secret}"
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/neu", headers={"Cookie": cookie})
        page = conn.getresponse().read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf
        confirmed: list[str] = []
        stop = threading.Event()

        def writer(prefix: str) -> None:
            n = 0
            while not stop.is_set():
                case_id = f"{prefix}-{n}"
                try:
                    if _post(port, cookie, csrf.group(1), case_id) == 303:
                        confirmed.append(case_id)
                except OSError:
                    return
                n += 1

        threads = [threading.Thread(target=writer, args=(p,)) for p in ("A", "B")]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while len(confirmed) < 15 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        stop.set()
        for t in threads:
            t.join()
    finally:
        proc.kill()
        proc.wait()
    assert len(confirmed) >= 15
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in check.execute("SELECT case_id FROM cases")}
    assert set(confirmed) <= stored
    # every stored case has its audit line (case and log were written in one transaction)
    logged = {row[0] for row in check.execute("SELECT case_id FROM audit WHERE action = 'angelegt'")}
    assert stored == logged
    check.close()
