"""The service's webhook receiver (ASGI): verifies each Topo delivery and records it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from topo_ext import WebhookVerificationError, webhooks


def create_app(db_path: str | Path, secret: str) -> Starlette:
    async def receive(request: Request) -> Response:
        body = await request.body()
        try:
            event = webhooks.verify(body, request.headers, secret)
        except WebhookVerificationError:
            return Response(status_code=400)
        data = event.to_dict()  # also for event types this client does not know yet (UnknownEvent)
        person_id = data.get("person_id")
        db = sqlite3.connect(str(db_path))
        try:
            with db:
                db.execute("INSERT INTO webhook_events (type, person_id, payload) VALUES (?, ?, ?)",
                           (event.type, person_id if isinstance(person_id, str) else None,
                            json.dumps(data, default=str)))
        finally:
            db.close()
        return Response(status_code=204)

    return Starlette(routes=[Route("/webhooks/topo", receive, methods=["POST"])])
