"""The export job against a fresh sandbox per test: exactly once, resumable, through faults."""

import sqlite3

import pytest
from crm_sync import export_activities

from topo_ext import APITimeoutError, InternalServerError


def exported_ids(db_path):
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT id FROM activities")]


def test_exports_every_activity_once_then_only_new_ones(topo_sandbox, topo, db_path):
    assert export_activities(topo, db_path) == len(topo_sandbox.state.activities)
    assert sorted(exported_ids(db_path)) == sorted(topo_sandbox.state.activities)

    new = topo_sandbox.state.add_activity("message.replied")
    assert export_activities(topo, db_path) == 1
    assert new["id"] in exported_ids(db_path)
    assert export_activities(topo, db_path) == 0


def test_resumes_where_it_stopped_when_the_api_fails(topo_sandbox, db_path):
    client = topo_sandbox.client(max_retries=0)
    topo_sandbox.fail_next("503", path="/activities", after=1)  # the first page goes through, the second fails
    with pytest.raises(InternalServerError):
        export_activities(client, db_path)
    partial = len(exported_ids(db_path))
    total = len(topo_sandbox.state.activities)
    assert 0 < partial < total

    assert export_activities(client, db_path) == total - partial
    assert sorted(exported_ids(db_path)) == sorted(topo_sandbox.state.activities)


def test_rides_out_rate_limits_resets_and_bad_gateways(topo_sandbox, db_path):
    client = topo_sandbox.client(max_retries=3)
    script = topo_sandbox.fail_next("429", "reset", "502", path="/activities")
    assert export_activities(client, db_path) == len(topo_sandbox.state.activities)
    assert [kind for kind, _, _ in script.hits] == ["429", "reset", "502"]
    assert len(set(exported_ids(db_path))) == len(topo_sandbox.state.activities)


def test_a_slow_api_times_out_and_the_next_run_catches_up(topo_sandbox, db_path):
    impatient = topo_sandbox.client(timeout=0.3, max_retries=0)
    topo_sandbox.fail_next("slow", path="/activities", slow_seconds=3.0)
    with pytest.raises(APITimeoutError):
        export_activities(impatient, db_path)
    assert export_activities(topo_sandbox.client(), db_path) == len(topo_sandbox.state.activities)


def test_the_key_needs_activities_read(topo_sandbox, db_path):
    from topo_ext import PermissionDeniedError

    with pytest.raises(PermissionDeniedError) as raised:
        export_activities(topo_sandbox.client("contacts:read"), db_path)
    assert raised.value.required_scope == "activities:read"
    assert exported_ids(db_path) == []
