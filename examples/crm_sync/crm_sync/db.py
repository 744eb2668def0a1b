"""The CRM side: a SQLite database with the activities exported from Topo and the CRM's unsubscribes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS activities (
    id TEXT PRIMARY KEY, created_at TEXT NOT NULL, type TEXT NOT NULL, person_id TEXT, payload TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unsubscribes (
    email TEXT PRIMARY KEY, mirrored_at TEXT);
CREATE TABLE IF NOT EXISTS webhook_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, person_id TEXT, payload TEXT NOT NULL);
"""


def connect(path: str | Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path))
    db.executescript(SCHEMA)
    return db


def add_unsubscribe(db: sqlite3.Connection, email: str) -> None:
    """What the CRM does when someone unsubscribes (the job mirrors it to Topo later)."""
    with db:
        db.execute("INSERT OR IGNORE INTO unsubscribes (email) VALUES (?)", (email.strip().lower(),))
