"""`topo webhooks listen`: a small local receiver that verifies deliveries and prints one line for each.

Standard library only (http.server), so the CLI needs no web framework; one request is handled at a time, which
is plenty for development and demos. Valid deliveries go to stdout, rejections to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from .. import webhooks
from ..events import Event, event_type
from ._core import EXIT_OK, Context, UsageError, command_group, log, port_number, positive_float, positive_int
from ._output import json_line, jsonable
from ._subscriptions import add_subscription_actions

MAX_BODY = 1 << 20  # deliveries are small; refuse anything larger than 1 MiB


def add_webhooks(subparsers: Any, common: argparse.ArgumentParser) -> None:
    actions = command_group(subparsers, "webhooks", "webhook subscriptions; receive deliveries locally",
                            "Webhook subscriptions (create, list, test, update, delete) and a local receiver (listen).")
    add_subscription_actions(actions, common)
    parser = actions.add_parser(
        "listen", parents=[common], help="receive deliveries locally, verify them and print them",
        description=(
            "Run a local HTTP receiver: every POST is verified with the subscription's signing secret; valid "
            "deliveries get 200 and one line on stdout (event type and ids, or the event as JSON with --json), "
            "invalid ones get 400 and a line on stderr. Expose it with a tunnel to receive Topo's deliveries."))
    parser.add_argument("--port", type=port_number, default=8000, help="TCP port (default: 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    parser.add_argument("--secret", metavar="SECRET",
                        help="the signing secret (prefer the TOPO_WEBHOOK_SECRET environment variable)")
    parser.add_argument("--count", type=positive_int, metavar="N", help="exit after N valid deliveries")
    parser.add_argument("--tolerance", type=positive_float, default=300.0, metavar="SECONDS",
                        help="reject deliveries whose timestamp is further than this from now (default: 300)")
    parser.set_defaults(handler=run_listen)


def run_listen(ctx: Context) -> int:
    args = ctx.args
    secret = args.secret or os.environ.get("TOPO_WEBHOOK_SECRET")
    if not secret:
        raise UsageError("no webhook secret: set TOPO_WEBHOOK_SECRET (or pass --secret)")
    ctx.redact.add(secret)
    receiver = _Receiver(ctx, secret, args.tolerance)
    try:
        server = HTTPServer((args.host, args.port), receiver.handler())
    except OSError as err:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {err.strerror or err}") from None
    with server:
        host, port = server.server_address[:2]
        ctx.note(f"listening on http://{host!s}:{port}/ (Ctrl-C to stop)")
        while args.count is None or receiver.accepted < args.count:
            server.handle_request()
    return EXIT_OK


class _Receiver:
    def __init__(self, ctx: Context, secret: str, tolerance: float) -> None:
        self.ctx = ctx
        self.secret = secret
        self.tolerance = tolerance
        self.accepted = 0

    def handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "topo-webhooks-listen"
            timeout = 10  # a client that connects and sends nothing must not block the receiver

            def do_POST(self) -> None:
                status, reply = receiver.receive(self)
                body = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _refuse(self) -> None:
                self.send_error(405, "POST webhook deliveries here")

            do_GET = do_PUT = do_PATCH = do_DELETE = _refuse

            def log_message(self, format: str, *args: Any) -> None:
                log.debug("webhooks listen: %s %s", self.address_string(), format % args)

        return Handler

    def receive(self, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, Any]]:
        peer = request.client_address[0]
        try:
            length = int(request.headers.get("Content-Length", ""))
        except ValueError:
            return self.reject(peer, 411, "no Content-Length header")
        if not 0 <= length <= MAX_BODY:
            return self.reject(peer, 413, f"body of {length} bytes is over the {MAX_BODY}-byte limit")
        body = request.rfile.read(length)
        try:
            event = webhooks.verify(body, list(request.headers.items()), self.secret, tolerance=self.tolerance)
        except webhooks.WebhookVerificationError as err:
            return self.reject(peer, 400, str(err))
        except ValueError as err:  # signed correctly, but not an event (msgspec errors are ValueErrors)
            return self.reject(peer, 400, f"signature valid but the body is not an event: {err}")
        self.accepted += 1
        self.ctx.out.write(json_line(jsonable(event)) if self.ctx.json else describe(event, body) + "\n")
        self.ctx.out.flush()
        return 200, {"received": True}

    def reject(self, peer: str, status: int, reason: str) -> tuple[int, dict[str, Any]]:
        self.ctx.note(f"rejected delivery from {peer}: {reason}")
        return status, {"error": reason}


def describe(event: Event, body: bytes) -> str:
    """`<type> key=value ...` with the delivery id (when wrapped like an activity) and the event's ids."""
    parts = [event_type(event)]
    try:
        wrapper = json.loads(body)
    except ValueError:
        wrapper = None
    if isinstance(wrapper, dict) and "type" not in wrapper and isinstance(wrapper.get("id"), str):
        parts.append(f"id={wrapper['id']}")
    ids = {k: v for k, v in jsonable(event).items() if k.endswith("_id") and isinstance(v, str | int) and v != ""}
    first = [k for k in ("person_id", "sequence_id") if k in ids]  # the ids a reader looks for first
    parts += [f"{k}={ids[k]}" for k in first + [k for k in ids if k not in first]]
    return " ".join(parts)
