"""Webhook subscriptions: one-time secret, signed deliveries of recorded events, filters, the test endpoint."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from topo_ext import webhooks
from topo_ext.events import MessageRepliedEvent, SequencePausedEvent, TaskSkippedEvent, UnknownEvent
from topo_tools.sandbox import Sandbox


def subscribe(api: httpx.Client, url: str, event_types: list[str], **extra: Any) -> dict[str, Any]:
    response = api.post("/webhooks", json={"name": "test hook", "url": url, "event_types": event_types, **extra})
    assert response.status_code == 201, response.text
    return dict(response.json())


def received(receiver: Any, timeout: float = 5.0, *, secret: str) -> Any:
    """The next delivery the receiver got, verified and parsed."""
    headers, body = receiver.get(timeout)
    return webhooks.verify(body, headers, secret=secret)


def test_secret_is_returned_once(api: httpx.Client, receiver: Any, validate: Any) -> None:
    created = subscribe(api, receiver.url, ["message.sent"])
    validate(created, "WebhookSubscriptionWithSecret")
    assert created["secret"].startswith("whsec_") and created["secret"].startswith(created["secret_prefix"])
    fetched = api.get(f"/webhooks/{created['id']}").json()
    listed = api.get("/webhooks", params={"size": 100}).json()["items"]
    updated = api.patch(f"/webhooks/{created['id']}", json={"name": "renamed"}).json()
    for body in [fetched, updated, *listed]:
        assert "secret" not in body and created["secret"] not in json.dumps(body)
    assert fetched["secret_prefix"] == created["secret_prefix"]


def test_recorded_activity_is_delivered_signed(sb: Sandbox, api: httpx.Client, receiver: Any, validate: Any) -> None:
    sub = subscribe(api, receiver.url, ["message.replied"])
    activity = sb.state.add_activity("message.replied", metadata={"reply_category": "INTERESTED"})
    headers, body = receiver.get()
    event = webhooks.verify(body, headers, secret=sub["secret"])
    assert isinstance(event, MessageRepliedEvent)
    assert json.loads(body) == activity["payload"]  # the bare event payload
    validate(json.loads(body), "MessageRepliedEvent")
    with pytest.raises(webhooks.WebhookVerificationError):
        webhooks.verify(body, headers, secret="whsec_wrong")
    assert sb.flush_webhooks()
    assert any(d.subscription_id == sub["id"] and d.delivered for d in sb.deliveries)
    api.delete(f"/webhooks/{sub['id']}")


def test_only_matching_active_subscriptions_get_events(sb: Sandbox, api: httpx.Client, receiver: Any) -> None:
    template = next(iter(sb.state.sequence_templates))
    wanted = subscribe(api, receiver.url + "/wanted", ["task.skipped"])
    paused = subscribe(api, receiver.url + "/paused", ["task.skipped"])
    api.patch(f"/webhooks/{paused['id']}", json={"status": "PAUSED"})
    other_template = subscribe(api, receiver.url + "/template", ["task.skipped"],
                               sequence_template_ids=["018f1a2b-3c4d-7e8f-9a0b-1c2d3e4f5a6b"])
    other_type = subscribe(api, receiver.url + "/type", ["task.completed"])
    sb.state.add_activity("task.skipped", sequence_template_id=template)
    assert sb.flush_webhooks()
    hits = {d.subscription_id for d in sb.deliveries if d.event_type == "task.skipped"}
    assert wanted["id"] in hits
    assert not hits & {paused["id"], other_template["id"], other_type["id"]}
    headers, body = receiver.get()
    assert isinstance(webhooks.verify(body, headers, secret=wanted["secret"]), TaskSkippedEvent)
    for sub in (wanted, paused, other_template, other_type):
        api.delete(f"/webhooks/{sub['id']}")


def test_actions_raise_events(sb: Sandbox, api: httpx.Client, receiver: Any) -> None:
    sub = subscribe(api, receiver.url, ["sequence.paused", "task.skipped"])
    with sb.state.lock:
        run = next(r for r in sb.state.sequences.values() if r["status"] == "ACTIVE")
        task = next(t for t in sb.state.tasks.values() if t["status"] == "PENDING")
    api.post(f"/sequences/{run['id']}/pause", json={"paused_until": "2030-01-06T09:00:00Z"}).raise_for_status()
    api.post(f"/tasks/{task['id']}/skip").raise_for_status()
    first = received(receiver, secret=sub["secret"])
    second = received(receiver, secret=sub["secret"])
    assert isinstance(first, SequencePausedEvent) and first.sequence_id == run["id"]
    assert isinstance(second, TaskSkippedEvent) and second.task_id == task["id"]
    recorded = api.get("/activities", params={"sequence_id": run["id"], "event_type": "PAUSED"}).json()["items"]
    assert recorded[0]["payload"]["metadata"]["paused_until"] == "2030-01-06T09:00:00.000Z"
    api.delete(f"/webhooks/{sub['id']}")


def test_unknown_event_types_are_delivered_too(sb: Sandbox, api: httpx.Client, receiver: Any) -> None:
    sub = subscribe(api, receiver.url, ["message.sent"])
    sb.state.webhooks[sub["id"]]["event_types"].append("contact.merged")  # a type newer than the spec
    sb.state.add_activity({"type": "contact.merged", "organization_id": sb.state.organization_id, "winner": "x"})
    event = received(receiver, secret=sub["secret"])
    assert isinstance(event, UnknownEvent) and event.type == "contact.merged"
    api.delete(f"/webhooks/{sub['id']}")


def test_test_endpoint_delivers_synchronously(sb: Sandbox, api: httpx.Client, receiver: Any, validate: Any) -> None:
    sub = subscribe(api, receiver.url, ["message.replied"])
    result = api.post(f"/webhooks/{sub['id']}/test").json()
    validate(result, "WebhookTestResult")
    assert result == {"delivered": True, "error": None}
    assert isinstance(received(receiver, timeout=0, secret=sub["secret"]), MessageRepliedEvent)
    receiver.status = 500
    assert api.post(f"/webhooks/{sub['id']}/test").json() == {"delivered": False, "error": "receiver answered 500"}
    api.delete(f"/webhooks/{sub['id']}")


def test_only_loopback_urls_get_deliveries(sb: Sandbox, api: httpx.Client) -> None:
    sub = subscribe(api, "https://hooks.example.com/topo", ["message.sent"])
    result = api.post(f"/webhooks/{sub['id']}/test").json()
    assert result["delivered"] is False and "loopback" in result["error"]
    bad = api.post("/webhooks", json={"name": "x", "url": "ftp://127.0.0.1/x", "event_types": []})
    assert bad.status_code == 400 and bad.json()["data"] == {"field": "url"}
    api.delete(f"/webhooks/{sub['id']}")
