"""Encryption at rest: an encrypted desk file shows nothing, opens only with its passphrase, and keeps
migrations, backup and restore; an unencrypted file is encrypted in place or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from replicate.caserecord import load_case, parse_case
from replicate.desk.crypt import encrypt_file
from replicate.desk.db import HEADER, kind_of
from replicate.desk.migrations import LATEST, MIGRATIONS
from replicate.desk.store import Store
from replicate.errors import DeskError
from tests.desk.conftest import DATA, TODAY

KEY = "Kirchturm Regenschirm Nordsee 7"
OTHER = "Fahrradklingel Bergsee Moos 12"
SECRET_ID = "LK-MEISSEN-GEHEIM-0815"


def _record(case_id: str = SECRET_ID) -> Any:
    data = load_case(DATA / "kreis-014.json").model_dump(mode="json", exclude_none=True)
    data["case_id"] = case_id
    return parse_case(data)


def _bytes(db: Path) -> bytes:
    """The database file and its WAL, as a thief of the disk would read them."""
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _plain(db: Path, rules: Any, *case_ids: str) -> None:
    store = Store(db, rules, "test")
    for case_id in case_ids:
        store.create(_record(case_id), TODAY)
    store.close()


def test_encrypted_file_has_no_header_and_no_pseudonym(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "beratung.sqlite"
    store = Store(db, rules, "test", KEY)
    store.create(_record(), TODAY)
    assert b"SQLite format 3" not in _bytes(db) and SECRET_ID.encode() not in _bytes(db)  # WAL too
    store.close()
    data = db.read_bytes()
    assert not data.startswith(HEADER) and SECRET_ID.encode() not in data and b"MS-2027" not in data
    assert kind_of(db) == "verschluesselt"
    again = Store(db, rules, "test", KEY)
    assert [r.case_id for r in again.list_cases()] == [SECRET_ID]
    assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.close()


def test_control_the_same_case_unencrypted_is_readable(tmp_path: Path, rules: Any) -> None:
    """The check above can fail: without a passphrase the pseudonym is in the file."""
    db = tmp_path / "klar.sqlite"
    _plain(db, rules, SECRET_ID)
    assert db.read_bytes().startswith(HEADER) and SECRET_ID.encode() in db.read_bytes()


def test_wrong_or_missing_passphrase_is_refused_and_nothing_changes(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "beratung.sqlite"
    store = Store(db, rules, "test", KEY)
    store.create(_record(), TODAY)
    store.close()
    before = db.read_bytes()
    with pytest.raises(DeskError, match="Passphrase ist falsch"):
        Store(db, rules, "test", OTHER)
    with pytest.raises(DeskError, match="Die Datei ist verschlüsselt"):
        Store(db, rules, "test")
    assert db.read_bytes() == before


def test_passphrase_for_an_unencrypted_file_is_refused(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "klar.sqlite"
    _plain(db, rules, "A-1")
    with pytest.raises(DeskError, match=r"nicht verschlüsselt.*--verschluesseln"):
        Store(db, rules, "test", KEY)


def test_every_migration_runs_on_an_encrypted_version_1_file(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "alt.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.execute(
        "INSERT INTO cases (case_id, record, created, updated) VALUES (?, ?, ?, ?)",
        ("ALT-1", _record("ALT-1").model_dump_json(exclude_none=True), "2027-01-01", "2027-01-01"),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert encrypt_file(db, KEY) == 1
    store = Store(db, rules, "test", KEY)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    store.refresh(TODAY)
    assert [r.case_id for r in store.board(TODAY, 90)] == ["ALT-1"]  # derived columns of migration 2
    store.close()


def test_encrypt_in_place_keeps_every_case(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "beratung.sqlite"
    _plain(db, rules, SECRET_ID, "KIRCHE-003")
    assert encrypt_file(db, KEY) == 2
    assert kind_of(db) == "verschluesselt" and SECRET_ID.encode() not in db.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["beratung.sqlite"]  # no copy left beside it
    store = Store(db, rules, "test", KEY)
    assert sorted(r.case_id for r in store.list_cases()) == ["KIRCHE-003", SECRET_ID]
    stored = store.get(SECRET_ID)
    assert stored is not None and stored.record == _record()
    store.close()


def test_encrypt_refuses_an_open_database_a_short_passphrase_and_twice(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "beratung.sqlite"
    running = Store(db, rules, "test")
    running.create(_record(), TODAY)
    with pytest.raises(DeskError, match="gerade geöffnet"):
        encrypt_file(db, KEY)
    running.close()
    assert kind_of(db) == "klar" and SECRET_ID.encode() in db.read_bytes()
    with pytest.raises(DeskError, match="zu kurz"):
        encrypt_file(db, "kurz")
    assert kind_of(db) == "klar"
    encrypt_file(db, KEY)
    with pytest.raises(DeskError, match="schon verschlüsselt"):
        encrypt_file(db, KEY)


def test_encrypted_backup_and_restore(tmp_path: Path, rules: Any) -> None:
    store = Store(tmp_path / "beratung.sqlite", rules, "test", KEY)
    store.create(_record(), TODAY)
    copy = tmp_path / "sicherung.sqlite"
    store.backup(copy)
    assert kind_of(copy) == "verschluesselt" and SECRET_ID.encode() not in copy.read_bytes()
    store.create(_record("SPAETER-1"), TODAY)
    store.restore(copy)
    assert [r.case_id for r in store.list_cases()] == [SECRET_ID]
    assert kind_of(tmp_path / "beratung.sqlite") == "verschluesselt"
    # a backup of another desk (other passphrase) is refused and the data stays
    other = Store(tmp_path / "andere.sqlite", rules, "test", OTHER)
    other.create(_record("FREMD-1"), TODAY)
    other.backup(tmp_path / "fremd.sqlite")
    other.close()
    with pytest.raises(DeskError, match="Passphrase dieses Schreibtischs"):
        store.restore(tmp_path / "fremd.sqlite")
    assert [r.case_id for r in store.list_cases()] == [SECRET_ID]
    store.close()


def test_unencrypted_backup_restored_into_an_encrypted_desk_stays_encrypted(
    tmp_path: Path, rules: Any
) -> None:
    old = tmp_path / "alt-sicherung.sqlite"
    _plain(old, rules, "ALT-7")
    db = tmp_path / "beratung.sqlite"
    store = Store(db, rules, "test", KEY)
    store.create(_record(), TODAY)
    store.restore(old)
    assert [r.case_id for r in store.list_cases()] == ["ALT-7"]
    store.close()
    assert kind_of(db) == "verschluesselt" and b"ALT-7" not in db.read_bytes()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staged copy left


def test_encrypted_backup_is_refused_by_an_unencrypted_desk(tmp_path: Path, rules: Any) -> None:
    secret = Store(tmp_path / "geheim.sqlite", rules, "test", KEY)
    secret.create(_record(), TODAY)
    secret.backup(tmp_path / "sicherung.sqlite")
    secret.close()
    plain = Store(tmp_path / "klar.sqlite", rules, "test")
    with pytest.raises(DeskError, match="Sicherung ist verschlüsselt"):
        plain.restore(tmp_path / "sicherung.sqlite")
    assert plain.count() == 0
    plain.close()


def test_pages_on_the_encrypted_path(tmp_path: Path, rules: Any) -> None:
    from replicate.desk.app import DeskApp
    from replicate.desk.security import Guard, loopback_hosts
    from tests.desk.conftest import Client

    store = Store(tmp_path / "beratung.sqlite", rules, "test", KEY)
    client = Client(DeskApp(store, Guard(loopback_hosts("127.0.0.1", 8750)), today=lambda: TODAY))
    created = client.post(
        "/neu",
        {
            "case_id": SECRET_ID,
            "birth_date": "2000-04-20",
            "status_periods.0.start": "2015-01-10",
            "status_periods.0.kind": "duldung",
        },
    )
    assert created.status == 303, created.text[:2000]
    board = client.get("/fristen?tage=90").text
    assert SECRET_ID in board and "19.04.2027" in board  # § 25a Abs. 1: day before the 27th birthday
    assert "Die Datenbank ist verschlüsselt" in client.get("/verwaltung").text
    store.close()
    assert SECRET_ID.encode() not in (tmp_path / "beratung.sqlite").read_bytes()
