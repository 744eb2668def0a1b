"""`topo webhooks listen --inspect`: a real delivery from the sandbox, printed as header names and body shape
without verifying it; the scheme's guesses as flags; a trickling client cut off by --read-timeout, no traceback."""

from __future__ import annotations

import contextlib
import json
import socket
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.topo_ext.cli.test_cli_webhooks import BODY, SECRET, listening
from topo_ext import Topo
from topo_ext.webhooks import DEFAULT_SCHEME, SignatureScheme, sign
from topo_tools.sandbox import Sandbox


def _sandbox_delivery(url: str) -> tuple[str, dict[str, Any]]:
    """Subscribe `url` in a fresh sandbox and make it deliver one `sequence.paused` event; returns the secret and
    the event the sandbox recorded."""
    with Sandbox(seed=1) as sandbox, Topo(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        subscription = client.webhooks.create(name="inspect", url=url + "topo", event_types=["sequence.paused"])
        sequence = client.sequences.list(size=1, status="ACTIVE").items[0]
        assert sequence.id is not None and subscription.secret
        client.sequences.pause(sequence.id, paused_until=datetime.now(UTC) + timedelta(days=2))
        assert sandbox.flush_webhooks()
        return subscription.secret, {"sequence_id": sequence.id}


def test_inspect_prints_a_sandbox_deliverys_header_names_and_body_shape() -> None:
    with listening("--inspect", "--count", "1") as listener:
        _sandbox_delivery(listener.url)
        assert listener.finish() == 0
    out = listener.out.getvalue()
    assert "delivery to /topo" in out
    headers = next(line for line in out.splitlines() if line.startswith("  headers: ")).removeprefix("  headers: ")
    assert DEFAULT_SCHEME.signature_header in headers.split(", ")  # the sandbox signs with the default scheme
    assert f"{DEFAULT_SCHEME.signature_header} present" in out
    assert "a bare event, type 'sequence.paused'" in out
    shape = json.loads(next(line for line in out.splitlines() if line.startswith("  shape: ")).split(": ", 1)[1])
    assert shape["type"] == "string" and shape["sequence_id"] == "string"
    assert "verified" not in out  # no secret: nothing verified


def test_inspect_json_reports_the_guesses() -> None:
    with listening("--inspect", "--count", "1", "--json") as listener:
        _sandbox_delivery(listener.url)
        assert listener.finish() == 0
    report = json.loads(listener.out.getvalue())
    assert report["guesses"]["signature_header"] == {"name": DEFAULT_SCHEME.signature_header, "present": True}
    assert report["body"].startswith("a bare event") and report["bytes"] > 0
    assert all(isinstance(name, str) for name in report["headers"])


def test_inspect_shows_a_delivery_signed_under_another_scheme_and_verifies_with_its_flags() -> None:
    body, stamp = BODY, int(time.time())
    other = SignatureScheme(signature_header="Webhook-Signature", timestamp_header="Webhook-Timestamp",
                            encoding="base64", prefix="v1=")
    headers = sign(body, SECRET, timestamp=stamp, scheme=other)
    with listening("--inspect", "--count", "1", "--secret", SECRET) as listener:
        assert listener.post(body, headers).status_code == 200
        assert listener.finish() == 0
    out = listener.out.getvalue()
    assert "X-Topo-Signature ABSENT" in out and "Webhook-Signature" in out
    assert "verified with the current scheme: no: no signature header" in out
    assert headers["Webhook-Signature"] not in out + listener.err.getvalue()
    flags = ["--signature-header", "Webhook-Signature", "--timestamp-header", "Webhook-Timestamp",
             "--encoding", "base64", "--prefix", "v1=", "--count", "1", "--secret", SECRET]
    with listening(*flags) as listener:
        assert listener.post(body, headers).status_code == 200
        assert listener.finish() == 0
    assert listener.out.getvalue().startswith("message.replied ")


def test_a_trickling_client_gets_408_and_the_receiver_goes_on() -> None:
    with listening("--secret", SECRET, "--count", "1", "--read-timeout", "0.5") as listener:
        host, port = listener.url.removeprefix("http://").rstrip("/").split(":")
        sent = 0
        with socket.create_connection((host, int(port)), timeout=30) as slow:
            slow.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
            slow.settimeout(0.2)
            answer = b""
            while not answer and sent < 100:  # a byte at a time until the receiver answers
                slow.sendall(b"x")
                sent += 1
                with contextlib.suppress(TimeoutError):
                    answer = slow.recv(4096)
        assert answer.startswith(b"HTTP/1.0 408") and sent < 100
        assert listener.post(BODY, sign(BODY, SECRET)).status_code == 200
        assert listener.finish() == 0
    assert "Traceback" not in listener.err.getvalue()


def _raw_post(url: str, headers: bytes, body: bytes) -> bytes:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n" + headers + b"Content-Length: %d\r\n\r\n" % len(body) + body)
        answer = b""
        while chunk := conn.recv(4096):
            answer += chunk
    return answer


def test_hostile_signature_headers_get_400_not_a_traceback() -> None:
    signed = sign(BODY, SECRET)
    stamp = f"X-Topo-Timestamp: {signed['X-Topo-Timestamp']}\r\n".encode()
    with listening("--secret", SECRET, "--count", "1") as listener:
        non_ascii = _raw_post(listener.url, b"X-Topo-Signature: sha256=\xc3\xa9\xff\r\n" + stamp, BODY)
        huge_stamp = _raw_post(listener.url, f"X-Topo-Signature: {signed['X-Topo-Signature']}\r\n"
                               f"X-Topo-Timestamp: {'9' * 400}\r\n".encode(), BODY)
        assert non_ascii.startswith(b"HTTP/1.0 400") and huge_stamp.startswith(b"HTTP/1.0 400")
        assert listener.post(BODY, sign(BODY, SECRET)).status_code == 200
        assert listener.finish() == 0
    err = listener.err.getvalue()
    assert "Traceback" not in err and "malformed X-Topo-Signature" in err and "malformed X-Topo-Timestamp" in err
