"""The sync job: export new activities into SQLite, mirror the CRM's unsubscribes to Topo exclusions."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from topo_ext import ConflictError, SQLiteCursorStore, Topo


@dataclass
class SyncResult:
    created: int = 0
    already_present: int = 0


def _person_id(payload: Any) -> str | None:
    value = getattr(payload, "person_id", None)
    return value if isinstance(value, str) else None  # UNSET or absent on some (and on unknown) event types


def export_activities(client: Topo, db_path: str | Path) -> int:
    """Upsert every activity not exported yet; returns how many were written. Safe to re-run or to resume after a
    failure: the cursor is saved in the same database after each activity."""
    db = sqlite3.connect(str(db_path))
    store = SQLiteCursorStore(db_path, name="topo_activities")
    written = 0
    try:
        with client.activities.stream(store=store) as stream:
            for activity in stream:
                payload = activity.payload
                with db:
                    db.execute(
                        "INSERT INTO activities (id, created_at, type, person_id, payload) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT(id) DO UPDATE SET payload = excluded.payload",
                        (activity.id, activity.created_at.isoformat(), payload.type, _person_id(payload),
                         json.dumps(payload.to_dict(), default=str)))
                written += 1
    finally:
        store.close()
        db.close()
    return written


def mirror_unsubscribes(client: Topo, db_path: str | Path) -> SyncResult:
    """Create an UNSUBSCRIBED contact exclusion for each CRM unsubscribe not mirrored yet."""
    db = sqlite3.connect(str(db_path))
    result = SyncResult()
    try:
        pending = [row[0] for row in db.execute("SELECT email FROM unsubscribes WHERE mirrored_at IS NULL")]
        for email in pending:
            try:
                client.contact_exclusions.create(
                    body={"email": email, "reason": "UNSUBSCRIBED", "message": "unsubscribed in the CRM"})
                result.created += 1
            except ConflictError:  # excluded already (by us on an earlier run, or by someone in Topo)
                result.already_present += 1
            with db:
                db.execute("UPDATE unsubscribes SET mirrored_at = ? WHERE email = ?",
                           (datetime.now(UTC).isoformat(), email))
    finally:
        db.close()
    return result
