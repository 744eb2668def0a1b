"""`topo webhooks listen`: a real loopback server in a thread, fed signed (and badly signed) deliveries."""

from __future__ import annotations

import io
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import pytest

from topo_ext.cli import main
from topo_ext.webhooks import sign

SECRET = "whsec_cli_test_secret_7c1d"
PERSON = "0190a000-0000-7000-8000-0000000000aa"
BODY = json.dumps({"type": "message.replied", "organization_id": "org_1", "person_id": PERSON,
                   "message_id": "msg_7", "channel": "EMAIL", "resource_type": "MESSAGE",
                   "metadata": {"reply_category": "INTERESTED"}}).encode()


@dataclass
class Listener:
    url: str
    out: io.StringIO
    err: io.StringIO
    thread: threading.Thread
    code: list[int] = field(default_factory=list)

    def post(self, body: bytes, headers: dict[str, str]) -> httpx.Response:
        return httpx.post(self.url, content=body, headers=headers, timeout=5)

    def finish(self) -> int:
        self.thread.join(timeout=10)
        assert not self.thread.is_alive(), "the listener did not stop after --count deliveries"
        return self.code[0]


@contextmanager
def listening(*argv: str) -> Iterator[Listener]:
    out, err, code = io.StringIO(), io.StringIO(), []
    thread = threading.Thread(
        target=lambda: code.append(main(["webhooks", "listen", "--port", "0", *argv], stdout=out, stderr=err)),
        daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not (found := re.search(r"listening on (http://127\.0\.0\.1:\d+/)", err.getvalue())):
        assert thread.is_alive(), f"the listener exited early: {err.getvalue()}"
        assert time.monotonic() < deadline, "the listener did not start"
        time.sleep(0.01)
    listener = Listener(found.group(1), out, err, thread, code)
    try:
        yield listener
    finally:
        while thread.is_alive():  # never leave a server behind, even when an assertion failed
            try:
                listener.post(BODY, sign(BODY, SECRET))
            except httpx.HTTPError:
                time.sleep(0.01)
            thread.join(timeout=0.5)


def test_a_signed_delivery_is_printed_and_the_listener_stops_after_count() -> None:
    with listening("--secret", SECRET, "--count", "1") as listener:
        response = listener.post(BODY, sign(BODY, SECRET))
        assert response.status_code == 200 and response.json() == {"received": True}
        assert listener.finish() == 0
    assert listener.out.getvalue() == (
        f"message.replied person_id={PERSON} message_id=msg_7 organization_id=org_1\n")
    assert SECRET not in listener.out.getvalue() + listener.err.getvalue()


def test_a_bad_signature_gets_400_and_a_rejection_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPO_WEBHOOK_SECRET", SECRET)
    with listening("--count", "1") as listener:
        forged = listener.post(BODY, sign(BODY, "whsec_wrong"))
        assert forged.status_code == 400
        assert "signature mismatch" in forged.json()["error"]
        missing = listener.post(BODY, {})
        assert missing.status_code == 400
        assert listener.thread.is_alive()  # rejections do not count towards --count
        assert listener.post(BODY, sign(BODY, SECRET)).status_code == 200
        assert listener.finish() == 0
    rejections = [line for line in listener.err.getvalue().splitlines() if "rejected" in line]
    assert [line.split(":", 3)[1:3] for line in rejections] == [
        [" rejected delivery from 127.0.0.1", " signature mismatch"],
        [" rejected delivery from 127.0.0.1", " no signature header"],
    ]
    assert "looked for X-Topo-Signature" in rejections[1]
    assert listener.out.getvalue().count("\n") == 1
    assert SECRET not in listener.out.getvalue() + listener.err.getvalue()


def test_json_output_keeps_unknown_event_types_and_the_wrapper_id() -> None:
    unknown = json.dumps({"type": "meeting.rescheduled", "person_id": PERSON, "new_time": "2025-03-09T10:00:00Z"})
    wrapped = json.dumps({"id": "act_1", "created_at": "2025-03-01T12:00:00Z", "payload": json.loads(BODY)})
    with listening("--secret", SECRET, "--count", "2", "--json") as listener:
        assert listener.post(unknown.encode(), sign(unknown.encode(), SECRET)).status_code == 200
        assert listener.post(wrapped.encode(), sign(wrapped.encode(), SECRET)).status_code == 200
        assert listener.finish() == 0
    first, second = (json.loads(line) for line in listener.out.getvalue().splitlines())
    assert first == json.loads(unknown)
    assert second["type"] == "message.replied" and second["metadata"] == {"reply_category": "INTERESTED"}


def test_signed_garbage_and_other_methods_are_refused() -> None:
    with listening("--secret", SECRET, "--count", "1") as listener:
        garbage = b"[1, 2, 3]"
        response = listener.post(garbage, sign(garbage, SECRET))
        assert response.status_code == 400 and "not an event" in response.json()["error"]
        assert httpx.get(listener.url, timeout=5).status_code == 405
        stale = listener.post(BODY, sign(BODY, SECRET, timestamp=int(time.time()) - 3600))
        assert stale.status_code == 400 and "stale" in stale.json()["error"]
        assert listener.post(BODY, sign(BODY, SECRET)).status_code == 200
        assert listener.finish() == 0


def test_wrapper_id_in_the_text_line() -> None:
    wrapped = json.dumps({"id": "act_1", "created_at": "2025-03-01T12:00:00Z", "payload": json.loads(BODY)}).encode()
    with listening("--secret", SECRET, "--count", "1") as listener:
        assert listener.post(wrapped, sign(wrapped, SECRET)).status_code == 200
        assert listener.finish() == 0
    assert listener.out.getvalue().startswith(f"message.replied id=act_1 person_id={PERSON} ")


def test_no_secret_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TOPO_WEBHOOK_SECRET", raising=False)
    err = io.StringIO()
    assert main(["webhooks", "listen", "--count", "1"], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue() == (
        "topo: error: no webhook secret: set TOPO_WEBHOOK_SECRET (or pass --secret), or use --inspect\n")


def test_a_port_in_use_is_a_usage_error() -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        err = io.StringIO()
        code = main(["webhooks", "listen", "--port", str(port), "--secret", SECRET, "--count", "1"],
                    stdout=io.StringIO(), stderr=err)
    assert code == 2 and f"cannot listen on 127.0.0.1:{port}" in err.getvalue()
    assert SECRET not in err.getvalue()
