"""Webhook subscriptions, and `test_webhook` (which delivers a sample event)."""

from __future__ import annotations

import secrets
from datetime import datetime

import httpx
from starlette.concurrency import run_in_threadpool

from .._schema import Invalid
from .._seed import payload_for
from .._state import Delivery, Record
from .._webhooks import deliver, encode
from ._core import Call, found, handles, page, touch


def _check_url(url: str, field_name: str = "url") -> None:
    if not url.lower().startswith(("https://", "http://")):
        raise Invalid(field_name, f"{field_name} must be an http(s) URL")


@handles("list_webhooks")
def list_webhooks(call: Call) -> Record:
    return page(call, call.state.webhooks.values())


@handles("create_webhook")
def create_webhook(call: Call) -> Record:
    state, body = call.state, call.body
    _check_url(body["url"])
    secret = "whsec_" + secrets.token_urlsafe(32)
    now = state.now()
    record: Record = {"id": state.new_id(), "name": body["name"], "url": body["url"],
                      "description": body.get("description"), "event_types": list(body["event_types"]),
                      "sequence_template_ids": body.get("sequence_template_ids"), "status": "ACTIVE",
                      "secret_prefix": secret[:10], "created_at": now, "updated_at": now}
    state.webhooks[record["id"]] = record
    state.webhook_secrets[record["id"]] = secret
    return {**record, "secret": secret}


@handles("get_webhook")
def get_webhook(call: Call) -> Record:
    return found(call.state.webhooks, call.path["subscription_id"], "Webhook subscription")


@handles("update_webhook")
def update_webhook(call: Call) -> Record:
    record = found(call.state.webhooks, call.path["subscription_id"], "Webhook subscription")
    if "url" in call.body:
        _check_url(call.body["url"])
    fields = ("name", "url", "description", "event_types", "sequence_template_ids", "status")
    return touch(record, call.state, **{k: v for k, v in call.body.items() if k in fields})


@handles("delete_webhook")
def delete_webhook(call: Call) -> None:
    found(call.state.webhooks, call.path["subscription_id"], "Webhook subscription")
    del call.state.webhooks[call.path["subscription_id"]]
    del call.state.webhook_secrets[call.path["subscription_id"]]


@handles("test_webhook")
async def test_webhook(call: Call) -> Record:
    state = call.state
    with state.lock:
        sub = dict(found(state.webhooks, call.path["subscription_id"], "Webhook subscription"))
        secret = state.webhook_secrets[sub["id"]]
        event_type = sub["event_types"][0] if sub["event_types"] else "message.sent"
        payload = payload_for(state, state.rng, event_type, datetime.fromisoformat(state.now()))
        if sub.get("sequence_template_ids"):
            payload["sequence_template_id"] = sub["sequence_template_ids"][0]

    def send() -> tuple[int | None, str | None]:
        with httpx.Client(trust_env=False) as client:
            return deliver(client, sub["url"], secret, encode(payload))

    status, error = await run_in_threadpool(send)
    state.record_delivery(Delivery(sub["id"], event_type, sub["url"], error is None, status, error, test=True))
    return {"delivered": error is None, "error": error}
