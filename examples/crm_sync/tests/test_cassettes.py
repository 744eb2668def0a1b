"""The same jobs replayed from cassettes (`pytest --topo-record=sandbox` re-records them, `live` against Topo)."""

import pytest
import yaml
from crm_sync import export_activities, mirror_unsubscribes
from crm_sync.db import add_unsubscribe, connect

pytestmark = pytest.mark.topo_sandbox(seed=7, activities=30)  # used when recording


def recorded_activity_ids(path):
    interactions = yaml.safe_load(path.read_text())["interactions"]
    ids = set()
    for exchange in interactions:
        if "/activities" in exchange["request"]["uri"]:
            body = yaml.safe_load(exchange["response"]["body"]["string"])  # JSON is YAML
            ids |= {item["id"] for item in body["items"]}
    return ids


def test_export_replays(topo_cassette, db_path):
    written = export_activities(topo_cassette.client(), db_path)
    if topo_cassette.mode == "none":
        assert written == len(recorded_activity_ids(topo_cassette.path)) > 0
    else:
        assert written == len(topo_cassette.sandbox.state.activities)


def test_mirror_replays(topo_cassette, db_path):
    client = topo_cassette.client()
    client.contact_exclusions.create(body={"email": "ben@example.com", "reason": "UNSUBSCRIBED"})
    db = connect(db_path)
    add_unsubscribe(db, "ana@example.com")
    add_unsubscribe(db, "ben@example.com")
    db.close()
    result = mirror_unsubscribes(client, db_path)
    assert (result.created, result.already_present) == (1, 1)
