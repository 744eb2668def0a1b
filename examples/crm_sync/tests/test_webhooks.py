"""The service's webhook receiver, fed signed deliveries by the testing kit."""

import sqlite3
import time

from crm_sync import create_app

from topo_tools.testing import adeliver_webhook, deliver_webhook

SECRET = "whsec_example_service_test_only"


def recorded(db_path):
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT type, person_id FROM webhook_events").fetchall()


def test_records_a_verified_delivery(topo_sandbox, db_path):
    payload = topo_sandbox.event("message.replied")  # realistic, about a seeded contact, also in the stream
    response = deliver_webhook(create_app(db_path, SECRET), payload, SECRET)
    assert response.status_code == 204
    assert recorded(db_path) == [("message.replied", payload["person_id"])]


def test_rejects_a_wrong_secret_and_a_stale_delivery(topo_sandbox, db_path):
    app = create_app(db_path, SECRET)
    assert topo_sandbox.deliver_webhook(app, "message.sent", "whsec_someone_else").status_code == 400
    stale = int(time.time()) - 3600
    assert topo_sandbox.deliver_webhook(app, "message.sent", SECRET, timestamp=stale).status_code == 400
    assert recorded(db_path) == []


def test_keeps_an_event_type_it_does_not_know(topo_sandbox, db_path):
    payload = {"type": "message.bounced", "person_id": next(iter(topo_sandbox.state.contacts)), "bounce": "hard"}
    assert topo_sandbox.deliver_webhook(create_app(db_path, SECRET), payload, SECRET).status_code == 204
    assert recorded(db_path) == [("message.bounced", payload["person_id"])]


async def test_delivers_from_async_tests(topo_sandbox, db_path):
    response = await adeliver_webhook(create_app(db_path, SECRET), topo_sandbox.event("hot_lead.created"), SECRET)
    assert response.status_code == 204
    assert [t for t, _ in recorded(db_path)] == ["hot_lead.created"]
