"""Schema of the desk database, one migration per version; ``PRAGMA user_version`` holds the version.

A database of any earlier version is brought up to :data:`LATEST` in one transaction when it is opened.
Migrations are only ever appended, never changed, so that every older database can still be upgraded.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the cases (record as case-record JSON, version for optimistic locking) and the audit log.
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL UNIQUE,
        record TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id TEXT NOT NULL
    );
    """,
    # 2: what the list and the board show without screening again: status, last contact, deadlines.
    """
    ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'offen';
    ALTER TABLE cases ADD COLUMN last_contact TEXT;
    ALTER TABLE cases ADD COLUMN next_deadline TEXT;
    ALTER TABLE cases ADD COLUMN computed_on TEXT;
    CREATE TABLE deadlines (
        case_ref INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        due TEXT NOT NULL,
        label TEXT NOT NULL,
        pathway TEXT NOT NULL,
        reference TEXT NOT NULL
    );
    CREATE INDEX deadlines_due ON deadlines(due);
    CREATE INDEX deadlines_case ON deadlines(case_ref);
    CREATE INDEX cases_next ON cases(next_deadline);
    """,
)
"""SQL of each migration; migration ``n`` brings the database from version ``n - 1`` to ``n``."""

LATEST = len(MIGRATIONS)
