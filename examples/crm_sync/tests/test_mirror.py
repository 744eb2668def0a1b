"""Mirroring the CRM's unsubscribes to Topo exclusions, with keys of chosen scopes."""

import sqlite3

import pytest
from crm_sync import mirror_unsubscribes
from crm_sync.db import add_unsubscribe

from topo_ext import PermissionDeniedError


def excluded_emails(topo_sandbox):
    return {e["email"] for e in topo_sandbox.state.contact_exclusions.values()}


def test_mirrors_each_unsubscribe_once(topo_sandbox, topo, db_path):
    with sqlite3.connect(db_path) as db:
        add_unsubscribe(db, "Ana@Example.com")
        add_unsubscribe(db, "ben@example.com")
    topo.contact_exclusions.create(body={"email": "ben@example.com", "reason": "UNSUBSCRIBED"})  # already there

    result = mirror_unsubscribes(topo, db_path)
    assert (result.created, result.already_present) == (1, 1)
    assert {"ana@example.com", "ben@example.com"} <= excluded_emails(topo_sandbox)

    again = mirror_unsubscribes(topo, db_path)
    assert (again.created, again.already_present) == (0, 0)


def test_a_read_only_key_is_refused_and_nothing_is_marked_mirrored(topo_sandbox, db_path):
    with sqlite3.connect(db_path) as db:
        add_unsubscribe(db, "cy@example.com")
    with pytest.raises(PermissionDeniedError) as raised:
        mirror_unsubscribes(topo_sandbox.client("exclusions:read"), db_path)
    assert raised.value.required_scope == "exclusions:write"
    assert "cy@example.com" not in excluded_emails(topo_sandbox)
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT mirrored_at FROM unsubscribes").fetchall() == [(None,)]
