"""`topo webhooks listen`: a small local receiver that verifies deliveries and prints one line for each, or with
`--inspect` prints what a delivery looks like (header names, body shape) without verifying it.

Standard library only (http.server), so the CLI needs no web framework; one request is handled at a time, which
is plenty for development and demos, so each request gets `--read-timeout` seconds in all to arrive (a client
trickling bytes cannot hold the receiver). Valid deliveries go to stdout, rejections to stderr; an unexpected
error is one redacted line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from .. import webhooks
from ..events import Event, event_type
from ._core import EXIT_OK, Context, UsageError, command_group, log, port_number, positive_float, positive_int
from ._output import json_line, jsonable
from ._subscriptions import add_subscription_actions

MAX_BODY = 1 << 20  # deliveries are small; refuse anything larger than 1 MiB
READ_TIMEOUT = 10.0  # seconds for one request to arrive in full (request line, headers, body)


def add_webhooks(subparsers: Any, common: argparse.ArgumentParser) -> None:
    actions = command_group(subparsers, "webhooks", "webhook subscriptions; receive deliveries locally",
                            "Webhook subscriptions (create, list, test, update, delete) and a local receiver (listen).")
    add_subscription_actions(actions, common)
    parser = actions.add_parser(
        "listen", parents=[common], help="receive deliveries locally, verify them and print them",
        description=(
            "Run a local HTTP receiver: every POST is verified with the subscription's signing secret; valid "
            "deliveries get 200 and one line on stdout (event type and ids, or the event as JSON with --json), "
            "invalid ones get 400 and a line on stderr. Expose it with a tunnel to receive Topo's deliveries. "
            "The signing scheme is a guess (Topo's docs name only HMAC-SHA256): --inspect shows what a real "
            "delivery carries, and the scheme options below set each guessed part."))
    parser.add_argument("--port", type=port_number, default=8000, help="TCP port (default: 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    parser.add_argument("--secret", metavar="SECRET",
                        help="the signing secret (prefer the TOPO_WEBHOOK_SECRET environment variable)")
    parser.add_argument("--count", type=positive_int, metavar="N", help="exit after N valid (or inspected) deliveries")
    parser.add_argument("--inspect", action="store_true",
                        help="do not verify: print each delivery's header names and body shape (and, given a "
                             "secret, whether the current scheme verifies it); answers 200")
    parser.add_argument("--read-timeout", type=positive_float, default=READ_TIMEOUT, metavar="SECONDS",
                        help=f"time a request has to arrive in full, or it gets 408 (default: {READ_TIMEOUT:g})")
    scheme = parser.add_argument_group("signing scheme (each default is a guess)")
    default = webhooks.DEFAULT_SCHEME
    scheme.add_argument("--signature-header", default=default.signature_header, metavar="NAME",
                        help=f"default: {default.signature_header}")
    scheme.add_argument("--timestamp-header", default=default.timestamp_header, metavar="NAME",
                        help=f"default: {default.timestamp_header}; '' for none (then replays are not detected)")
    scheme.add_argument("--encoding", choices=("hex", "base64"), default=default.encoding,
                        help=f"of the digest (default: {default.encoding})")
    scheme.add_argument("--prefix", default=default.prefix, help=f"before the digest (default: {default.prefix!r})")
    scheme.add_argument("--signed-string", default=default.signed_string, metavar="TEMPLATE",
                        help=f"what is signed, with {{timestamp}} and {{body}} (default: {default.signed_string!r})")
    scheme.add_argument("--tolerance", type=positive_float, default=default.tolerance, metavar="SECONDS",
                        help=f"reject deliveries whose timestamp is further than this from now "
                             f"(default: {default.tolerance:g})")
    parser.set_defaults(handler=run_listen)


def _scheme(args: argparse.Namespace) -> webhooks.SignatureScheme:
    try:
        return webhooks.SignatureScheme(
            signature_header=args.signature_header, timestamp_header=args.timestamp_header or None,
            encoding=args.encoding, prefix=args.prefix, signed_string=args.signed_string, tolerance=args.tolerance)
    except ValueError as err:
        raise UsageError(str(err)) from None


def run_listen(ctx: Context) -> int:
    args = ctx.args
    secret = args.secret or os.environ.get("TOPO_WEBHOOK_SECRET")
    if not secret and not args.inspect:
        raise UsageError("no webhook secret: set TOPO_WEBHOOK_SECRET (or pass --secret), or use --inspect")
    ctx.redact.add(secret)
    if secret:
        try:
            webhooks.check_secret(secret, "--secret" if args.secret else "TOPO_WEBHOOK_SECRET")
        except ValueError as err:
            raise UsageError(str(err)) from None
    receiver = _Receiver(ctx, secret, _scheme(args), args.inspect, args.read_timeout)
    try:
        server = _Server((args.host, args.port), receiver.handler())
    except OSError as err:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {err.strerror or err}") from None
    server.ctx = ctx
    with server:
        host, port = server.server_address[:2]
        ctx.note(f"listening on http://{host!s}:{port}/ (Ctrl-C to stop)"
                 + (" - inspecting, not verifying" if args.inspect else ""))
        while args.count is None or receiver.accepted < args.count:
            server.handle_request()
    return EXIT_OK


class _Server(HTTPServer):
    ctx: Context

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One redacted line instead of socketserver's traceback on stderr."""
        error = sys.exc_info()[1]
        self.ctx.note(f"receiver error with {client_address[0]}: {type(error).__name__}: {error}")


class _Receiver:
    def __init__(self, ctx: Context, secret: str | None, scheme: webhooks.SignatureScheme, inspect: bool,
                 read_timeout: float) -> None:
        self.ctx = ctx
        self.secret = secret
        self.scheme = scheme
        self.inspect = inspect
        self.read_timeout = read_timeout
        self.accepted = 0

    def handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "topo-webhooks-listen"
            timeout = min(receiver.read_timeout, 10)  # per read; the timer below bounds the whole request
            cut = False

            def setup(self) -> None:
                super().setup()
                self.timer = threading.Timer(receiver.read_timeout, self.stop_reading)
                self.timer.daemon = True
                self.timer.start()

            def stop_reading(self) -> None:  # a blocked read returns at once; the answer can still be written
                self.cut = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RD)

            def finish(self) -> None:
                self.timer.cancel()
                super().finish()

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

    def receive(self, request: Any) -> tuple[int, dict[str, Any]]:
        peer = request.client_address[0]
        try:
            length = int(request.headers.get("Content-Length", ""))
        except ValueError:
            return self.reject(peer, 411, "no Content-Length header")
        if not 0 <= length <= MAX_BODY:
            return self.reject(peer, 413, f"body of {length} bytes is over the {MAX_BODY}-byte limit")
        try:
            body = request.rfile.read(length)
        except TimeoutError:
            body = b""
        request.timer.cancel()
        if len(body) < length:
            return self.reject(peer, 408 if request.cut else 400,
                               f"body not received in full within {self.read_timeout:g}s" if request.cut
                               else "body cut short by the client")
        headers = list(request.headers.items())
        if self.inspect:
            self.show(request, headers, body)
            return 200, {"inspected": True}
        assert self.secret is not None
        try:
            event = webhooks.verify(body, headers, self.secret, scheme=self.scheme)
        except webhooks.WebhookVerificationError as err:
            return self.reject(peer, 400, str(err))
        except ValueError as err:  # signed correctly, but not an event (msgspec errors are ValueErrors)
            return self.reject(peer, 400, f"signature valid but the body is not an event: {err}")
        self.accepted += 1
        if self.ctx.json:
            self.ctx.out.write(json_line(jsonable(event)))
        else:
            self.ctx.say(describe(event, body))
        self.ctx.out.flush()
        return 200, {"received": True}

    def show(self, request: Any, headers: list[tuple[str, str]], body: bytes) -> None:
        """Print a delivery's header names and body shape (never a header value or a body value)."""
        scheme, names = self.scheme, webhooks.header_names(headers)
        present = {name.lower() for name, _ in headers}
        guesses = {part: {"name": name, "present": name.lower() in present}
                   for part, name in (("signature_header", scheme.signature_header),
                                      ("timestamp_header", scheme.timestamp_header)) if name}
        report: dict[str, Any] = {"path": _printable(request.path.split("?")[0]), "bytes": len(body),
                                  "headers": list(names), "guesses": guesses, **body_shape(body)}
        if self.secret:
            try:
                webhooks.verify(body, headers, self.secret, scheme=scheme)
                report["verified"] = "yes"
            except (webhooks.WebhookVerificationError, webhooks.WebhookPayloadError) as err:
                report["verified"] = f"no: {err}"
        self.accepted += 1
        if self.ctx.json:
            self.ctx.out.write(json_line(report))
        else:
            seen = ", ".join(f"{g['name']} {'present' if g['present'] else 'ABSENT'}" for g in guesses.values())
            lines = [f"delivery to {report['path']} ({len(body)} bytes)", f"  headers: {', '.join(names)}",
                     f"  guessed headers: {seen}", f"  body: {report['body']}",
                     f"  shape: {json.dumps(report.get('shape'))}"]
            lines += [f"  verified with the current scheme: {report['verified']}"] if "verified" in report else []
            self.ctx.say(*lines)
        self.ctx.out.flush()

    def reject(self, peer: str, status: int, reason: str) -> tuple[int, dict[str, Any]]:
        self.ctx.note(f"rejected delivery from {peer}: {reason}")
        return status, {"error": reason}


def _printable(text: str, limit: int = 80) -> str:
    return re.sub(r"[^\x20-\x7e]", "?", text)[:limit]


def body_shape(body: bytes) -> dict[str, Any]:
    """`body`: what kind of delivery (a bare event, an activity-like wrapper, not JSON) and `shape`: its keys with
    the JSON type of each value (nested, bounded), so a real delivery settles the body guesses too."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return {"body": "not JSON"}
    if isinstance(data, dict) and isinstance(data.get("type"), str):
        kind = f"a bare event, type {_printable(data['type'])!r}"
    elif isinstance(data, dict) and isinstance(data.get("payload"), dict):
        kind = "an event wrapped in {" + ", ".join(_printable(k, 30) for k in list(data)[:10]) + "}"
    else:
        kind = f"JSON {type(data).__name__}, not an event"
    return {"body": kind, "shape": _shape(data, 0)}


def _shape(value: Any, depth: int) -> Any:
    if isinstance(value, dict):
        if depth >= 5:
            return "object"
        return {_printable(str(k), 40): _shape(v, depth + 1) for k, v in list(value.items())[:50]}
    if isinstance(value, list):
        return [_shape(value[0], depth + 1)] if value and depth < 5 else "array"
    names = {str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), "value")


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
