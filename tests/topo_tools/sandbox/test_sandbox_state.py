"""Seeded demo data (deterministic, complete, spec-valid), State helpers, ASGI use and the command line."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import httpx
import msgspec
import pytest

from tests.unknowns import absent
from topo_ext._spec import document
from topo_ext.events import Activity
from topo_tools.sandbox import EVENT_TYPES, FaultConfig, State, create_app

TABLES = {
    "contacts": "Contact", "contact_exclusions": "ContactExclusion", "account_exclusions": "AccountExclusion",
    "contact_lists": "ContactList", "contact_entries": "ContactEntry", "account_lists": "AccountList",
    "account_entries": "AccountEntry", "sequence_templates": "SequenceTemplate", "sequences": "Sequence",
    "tasks": "Task", "activities": "Activity",
}


@pytest.fixture(scope="module")
def seeded() -> State:
    return State(seed=5, activities=600)


def test_same_seed_same_data() -> None:
    first, second, other = State(seed=9, activities=50), State(seed=9, activities=50), State(seed=10, activities=50)
    assert first.contacts == second.contacts and first.activities == second.activities
    assert first.new_id() == second.new_id()
    assert first.contacts != other.contacts


def test_every_seeded_record_matches_its_schema(seeded: State, validate: Any) -> None:
    for table, schema in TABLES.items():
        records = list(getattr(seeded, table).values())
        assert records, table
        validate(records, {"type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}})
    messages = [m for thread in seeded.task_messages.values() for m in thread]
    validate(messages, {"type": "array", "items": {"$ref": "#/components/schemas/TaskMessage"}})


def test_seed_covers_enums_and_shared_timestamps(seeded: State) -> None:
    assert {a["payload"]["type"] for a in seeded.activities.values()} == set(EVENT_TYPES)
    reasons = set(document()["components"]["schemas"]["ExclusionReason"]["enum"])
    assert {e["reason"] for e in seeded.contact_exclusions.values()} == reasons
    assert {e["reason"] for e in seeded.account_exclusions.values()} == reasons
    assert {t["status"] for t in seeded.sequence_templates.values()} == set(
        document()["components"]["schemas"]["SequenceTemplateStatus"]["enum"])
    shared = Counter(a["created_at"] for a in seeded.activities.values())
    assert sum(1 for n in shared.values() if n > 1) >= 10
    assert len(shared) > 300  # spread over time, not one burst
    assert len(seeded.contacts) == 50 and len(seeded.contact_lists) >= 2 and seeded.contact_entries


def test_seeded_activities_decode_on_the_typed_path(seeded: State) -> None:
    """The strict msgspec decode (the client's fast path) accepts every seeded activity."""
    for activity in seeded.activities.values():
        decoded = msgspec.json.decode(json.dumps(activity).encode(), type=Activity)
        assert decoded.payload.type == activity["payload"]["type"]


def test_add_activity(seeded: State) -> None:
    seen: list[dict[str, Any]] = []
    stop = seeded.on_activity(seen.append)
    when = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    activity = seeded.add_activity("hot_lead.created", created_at=when, channel="LINKEDIN")
    stop()
    seeded.add_activity("meeting.created")
    assert seen == [activity]
    assert activity["created_at"] == "2026-01-02T03:04:05.678Z"
    assert activity["payload"]["channel"] == "LINKEDIN" and activity["payload"]["hot_lead_id"]
    assert seeded.activities_between(after=datetime(2026, 1, 2, tzinfo=UTC), before=when) == []
    unknown = absent("unlisted_field")
    with pytest.raises(TypeError, match=unknown):
        seeded.add_activity("message.sent", **{unknown: "teal"})


def test_asgi_app_in_process(validate: Any) -> None:
    state = State(activities=20)
    key = state.make_key(["contacts:read"])
    app = create_app(state)

    async def scenario() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox/v1",
                                     headers={"Authorization": f"Bearer {key}"}) as client:
            ok = await client.get("/contacts", params={"size": 3})
            denied = await client.get("/tasks")
            app.settings.faults = FaultConfig(rate=1.0, kinds=("reset",))
            with pytest.raises(ConnectionResetError):
                await client.get("/contacts")
            return ok, denied

    ok, denied = asyncio.run(scenario())
    validate(ok.json(), "ContactPage")
    assert len(ok.json()["items"]) == 3
    assert denied.status_code == 403 and denied.json()["data"] == {"required_scope": "tasks:read"}


def test_command_line_prints_url_and_key_and_stops_by_itself() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "topo_tools.sandbox", "--port", "0", "--seed-activities", "20", "--exit-after", "20"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(2)]
        url = lines[0].split()[-1]
        key = lines[1].split()[-1]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/v1") and key.startswith("topo_")
        me = httpx.get(url + "/me", headers={"Authorization": f"Bearer {key}"}, trust_env=False)
        assert me.status_code == 200 and "webhooks:write" in me.json()["scopes"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert proc.stderr is not None and key not in proc.stderr.read()


def test_command_line_rejects_bad_options() -> None:
    result = subprocess.run([sys.executable, "-m", "topo_tools.sandbox", "--port", "0", "--faults", "0.5",
                             "--fault-kinds", "500,teapot", "--seed-activities", "5"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "teapot" in result.stderr
