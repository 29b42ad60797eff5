"""The register on SQLite: migrations from version 1, optimistic locking, retention, backup and restore."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from replicate.caserecord import load_case, parse_case
from replicate.desk.migrations import LATEST, MIGRATIONS
from replicate.desk.store import Store
from replicate.errors import DeskError, StaleCaseError
from tests.desk.conftest import DATA, TODAY


def _version_1_database(path: Path) -> None:
    """A database as the first release of the desk wrote it, with one version-1 record."""
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    record = {
        "schema_version": "1",
        "case_id": "ALT-001",
        "birth_date": "2000-04-20",
        "entry_date": "2015-01-01",
        "status_periods": [{"start": "2015-01-10", "kind": "duldung"}],
    }
    conn.execute(
        "INSERT INTO cases (case_id, record, version, created, updated) VALUES (?, ?, 1, ?, ?)",
        ("ALT-001", json.dumps(record), "2026-05-04T10:00:00+00:00", "2026-05-04T10:00:00+00:00"),
    )
    conn.commit()
    conn.close()


def test_version_1_database_is_migrated_and_its_deadlines_computed(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "alt.sqlite"
    _version_1_database(db)
    store = Store(db, rules)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    stored = store.get("ALT-001")
    assert stored is not None and stored.record.schema_version == "2" and stored.record.history == []
    assert store.refresh(TODAY) == 1
    # § 25a Abs. 1 AufenthG: application before the 27th birthday (20.04.2027) → last day 19.04.2027.
    assert [(r.due, r.reference) for r in store.board(TODAY, 90)] == [("2027-04-19", "§ 25a Abs. 1 AufenthG")]
    assert store.refresh(TODAY) == 0  # computed once a day


def test_every_intermediate_version_migrates(tmp_path: Path, rules: Any) -> None:
    for start in range(LATEST + 1):
        db = tmp_path / f"v{start}.sqlite"
        conn = sqlite3.connect(db)
        for sql in MIGRATIONS[:start]:
            conn.executescript(sql)
        conn.execute(f"PRAGMA user_version = {start}")
        conn.close()
        store = Store(db, rules)
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.close()


def test_newer_database_is_refused_untouched(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "neu.sqlite"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DeskError, match="neueren Version"):
        Store(db, rules)
    assert db.read_bytes() == before


def test_a_file_that_is_no_database_is_refused_untouched(tmp_path: Path, rules: Any) -> None:
    db = tmp_path / "notizen.sqlite"
    db.write_text("Das ist keine Datenbank, sondern eine Notiz.\n" * 20)
    before = db.read_bytes()
    with pytest.raises(DeskError, match="keine lesbare Datenbank"):
        Store(db, rules)
    assert db.read_bytes() == before


def test_stale_version_never_overwrites(store: Store) -> None:
    record = load_case(DATA / "kreis-014.json")
    store.create(record, TODAY)
    first = record.model_copy(update={"integration_prognosis_positive": True})
    assert store.update(first, 1, TODAY) == 2
    second = record.model_copy(update={"integration_prognosis_positive": False})
    with pytest.raises(StaleCaseError, match="inzwischen geändert"):
        store.update(second, 1, TODAY)
    stored = store.get(record.case_id)
    assert stored is not None and stored.version == 2 and stored.record.integration_prognosis_positive is True


def test_pseudonym_is_required_and_unique(store: Store) -> None:
    with pytest.raises(DeskError, match="Pseudonym"):
        store.create(parse_case({"birth_date": "2001-01-01"}), TODAY)
    store.create(load_case(DATA / "kirche-003.json"), TODAY)
    with pytest.raises(DeskError, match="gibt es schon"):
        store.create(load_case(DATA / "kirche-003.json"), TODAY)
    assert store.count() == 1


def test_closed_case_leaves_the_board(store: Store) -> None:
    record = load_case(DATA / "kreis-014.json")
    store.create(record, TODAY)
    assert [r.case_id for r in store.board(TODAY, 90)] == ["MS-2027-014"]
    data = record.model_dump(mode="json", exclude_none=True)
    data["history"].append({"date": "2027-02-20", "type": "abschluss", "reason": "weitervermittelt"})
    store.update(parse_case(data), 1, TODAY)
    assert store.board(TODAY, 90) == []
    assert [(r.status, r.next_deadline) for r in store.list_cases()] == [("abgeschlossen", None)]


def _with_contact(case_id: str, day: str) -> Any:
    return parse_case({"case_id": case_id, "history": [{"date": day, "type": "erstberatung"}]})


def test_retention_three_years_after_the_year_of_last_contact(store: Store) -> None:
    store.add_many([_with_contact("A-2023", "2023-05-01"), _with_contact("B-2024", "2024-01-10")], TODAY)
    # 2023 + 3 years ends on 31.12.2026: expired on 01.03.2027; 2024 runs to 31.12.2027.
    assert store.expired(TODAY, 3) == [("A-2023", "2023-05-01")]
    assert store.expired(dt.date(2026, 12, 31), 3) == []
    assert store.delete([c for c, _ in store.expired(TODAY, 3)]) == 1
    assert [r.case_id for r in store.list_cases()] == ["B-2024"]
    assert store.audit()[0][2:] == ("gelöscht (Löschfrist abgelaufen)", "A-2023")


def test_audit_names_pseudonym_and_action_only(store: Store) -> None:
    record = load_case(DATA / "kreis-014.json")
    store.create(record, TODAY)
    store.update(record, 1, TODAY)
    lines = store.audit()
    assert [(actor, action, case) for _, actor, action, case in lines] == [
        ("test", "geändert", "MS-2027-014"),
        ("test", "angelegt", "MS-2027-014"),
    ]
    assert "2000-04-20" not in repr(lines) and "AF" not in repr(lines)


def test_backup_and_restore_while_open(store: Store, tmp_path: Path) -> None:
    store.create(load_case(DATA / "kreis-014.json"), TODAY)
    copy = tmp_path / "sicherung.sqlite"
    store.backup(copy)
    with pytest.raises(DeskError, match="gibt es schon"):
        store.backup(copy)
    store.create(load_case(DATA / "kirche-003.json"), TODAY)
    assert store.count() == 2
    store.restore(copy)
    assert [r.case_id for r in store.list_cases()] == ["MS-2027-014"]


def test_restore_from_a_foreign_file_keeps_the_data(store: Store, tmp_path: Path) -> None:
    store.create(load_case(DATA / "kreis-014.json"), TODAY)
    other = tmp_path / "fremd.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DeskError, match="keine Sicherung"):
        store.restore(other)
    text = tmp_path / "text.sqlite"
    text.write_text("kein SQLite\n" * 100)
    with pytest.raises(DeskError, match="keine lesbare Sicherung"):
        store.restore(text)
    assert store.count() == 1
