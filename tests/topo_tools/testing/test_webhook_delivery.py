"""Signed deliveries to the service's own ASGI and WSGI apps, verifiable with topo_ext.webhooks."""

from __future__ import annotations

import json
import time

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from topo_ext import WebhookVerificationError, webhooks
from topo_ext.events import MessageRepliedEvent
from topo_tools.testing import adeliver_webhook, deliver_webhook

SECRET = "whsec_kit_test_secret_0001"


def asgi_receiver(received: list) -> Starlette:
    async def receive(request: Request) -> Response:
        try:
            received.append(webhooks.verify(await request.body(), request.headers, SECRET))
        except WebhookVerificationError as err:
            received.append(err)
            return Response(str(err), status_code=400)
        return Response(status_code=204)

    return Starlette(routes=[Route("/hooks", receive, methods=["POST"])])


def wsgi_receiver(received: list):
    def app(environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        headers = {k[5:].replace("_", "-"): v for k, v in environ.items() if k.startswith("HTTP_")}
        try:
            received.append(webhooks.verify(body, headers, SECRET))
            start_response("204 No Content", [])
        except WebhookVerificationError as err:
            received.append(err)
            start_response("400 Bad Request", [])
        return [b""]

    return app


@pytest.mark.parametrize("make_app", [asgi_receiver, wsgi_receiver], ids=["asgi", "wsgi"])
def test_a_sandbox_event_arrives_signed_and_typed(topo_sandbox, make_app):
    received: list = []
    before = len(topo_sandbox.state.activities)
    response = topo_sandbox.deliver_webhook(make_app(received), "message.replied", SECRET, path="/hooks")
    assert response.status_code == 204
    [event] = received
    assert isinstance(event, MessageRepliedEvent)
    assert event.person_id in topo_sandbox.state.contacts  # about a seeded contact
    assert len(topo_sandbox.state.activities) == before + 1  # and in the stream too


@pytest.mark.parametrize("make_app", [asgi_receiver, wsgi_receiver], ids=["asgi", "wsgi"])
def test_a_wrong_secret_a_stale_timestamp_and_a_tampered_signature_are_rejected(make_app):
    received: list = []
    app = make_app(received)
    payload = {"type": "message.sent", "person_id": "p1"}
    assert deliver_webhook(app, payload, "whsec_not_the_one", path="/hooks").status_code == 400
    assert deliver_webhook(app, payload, SECRET, path="/hooks", timestamp=int(time.time()) - 3600).status_code == 400
    tampered = {"X-Topo-Signature": "sha256=" + "0" * 64}
    assert deliver_webhook(app, payload, SECRET, path="/hooks", headers=tampered).status_code == 400
    assert [type(r) for r in received] == [WebhookVerificationError] * 3
    assert deliver_webhook(app, payload, SECRET, path="/hooks").status_code == 204


def test_the_body_is_the_bare_payload_signed_over_timestamp_and_body():
    seen: list = []

    def app(environ, start_response):
        seen.append((environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"])), environ))
        start_response("200 OK", [])
        return [b""]

    payload = {"type": "task.created", "person_id": "p1"}
    deliver_webhook(app, payload, SECRET, path="/hooks", timestamp=1_700_000_000)
    body, environ = seen[0]
    assert json.loads(body) == payload
    expected = webhooks.sign(body, SECRET, timestamp=1_700_000_000)
    assert environ["HTTP_X_TOPO_SIGNATURE"] == expected["X-Topo-Signature"]
    assert environ["HTTP_X_TOPO_TIMESTAMP"] == "1700000000"


async def test_async_delivery_and_the_running_loop_guard(topo_sandbox):
    received: list = []
    app = asgi_receiver(received)
    response = await topo_sandbox.adeliver_webhook(app, "hot_lead.created", SECRET, path="/hooks")
    assert response.status_code == 204 and received[0].type == "hot_lead.created"
    assert (await adeliver_webhook(app, b'{"type":"x.y"}', SECRET, path="/hooks")).status_code == 204
    with pytest.raises(RuntimeError, match="adeliver_webhook"):
        deliver_webhook(app, {"type": "message.sent"}, SECRET, path="/hooks")


def test_not_an_app_is_named():
    with pytest.raises(TypeError, match="ASGI or WSGI"):
        deliver_webhook(42, {"type": "message.sent"}, SECRET)
