"""`topo webhooks create | list | test | update | delete` against the sandbox, and create -> listen -> test delivery
end to end with the secret `create` printed."""

from __future__ import annotations

import io
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from tests.topo_ext.cli.conftest import Result
from topo_ext.cli import main
from topo_tools.sandbox import Sandbox

NOBODY = "http://127.0.0.1:9/hooks"  # loopback port 9: nothing listens, deliveries fail


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=9, activities=20, contacts=5) as sb:
        yield sb


@pytest.fixture
def topo(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Result]]:
    monkeypatch.setenv("TOPO_API_KEY", sandbox.api_key)
    monkeypatch.setenv("TOPO_BASE_URL", sandbox.base_url)
    monkeypatch.delenv("TOPO_WEBHOOK_SECRET", raising=False)
    # Two CLI runs at once (listen in a thread) both set up the `topo` logger; put it back as it was.
    logger = logging.getLogger("topo")
    saved = logger.level, logger.propagate, list(logger.handlers)

    def invoke(*argv: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        return Result(main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue())

    yield invoke
    logger.setLevel(saved[0])
    logger.propagate = saved[1]
    logger.handlers[:] = saved[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def created_id(result: Result) -> str:
    found = re.search(r"^created webhook subscription (\S+) ", result.out, re.M)
    assert found, result.out
    return found.group(1)


def test_create_listen_and_a_test_delivery_end_to_end(topo, monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    created = topo("webhooks", "create", "--url", f"http://127.0.0.1:{port}/topo", "--event-type", "MESSAGE.REPLIED",
                   "--name", "local receiver")
    assert created.code == 0, created.err
    secret = re.search(r"^secret: (\S+)$", created.out, re.M)
    assert secret, created.out
    assert created.out.count(secret.group(1)) == 1 and secret.group(1) not in created.err
    assert "store the signing secret now: Topo shows it only this once" in created.err
    subscription = created_id(created)

    monkeypatch.setenv("TOPO_WEBHOOK_SECRET", secret.group(1))  # as the note says
    out, err, codes = io.StringIO(), io.StringIO(), []
    listener = threading.Thread(daemon=True, target=lambda: codes.append(
        main(["webhooks", "listen", "--port", str(port), "--count", "1"], stdout=out, stderr=err)))
    listener.start()
    deadline = time.monotonic() + 10
    while "listening on" not in err.getvalue():
        assert listener.is_alive() and time.monotonic() < deadline, err.getvalue()
        time.sleep(0.01)

    tested = topo("webhooks", "test", subscription)
    assert tested.code == 0, tested.err
    assert tested.out == f"test delivery to {subscription} accepted\n"
    listener.join(timeout=10)
    assert codes == [0], err.getvalue()
    assert out.getvalue().startswith("message.replied ")  # verified with the printed secret, typed
    assert secret.group(1) not in out.getvalue() + err.getvalue() + tested.out + tested.err


def test_list_update_test_failure_and_delete(topo) -> None:
    created = topo("webhooks", "create", "--url", NOBODY, "--event-type", "task.created", "--event-type",
                   "message.sent", "--json")
    assert created.code == 0, created.err
    data = json.loads(created.out)
    assert data["event_types"] == ["task.created", "message.sent"] and data["name"] == NOBODY and data["secret"]
    subscription = data["id"]

    listed = topo("webhooks", "list")
    assert listed.lines[0].split() == ["ID", "STATUS", "NAME", "URL", "EVENT", "TYPES"]
    assert any(line.startswith(subscription) and "ACTIVE" in line for line in listed.lines)
    assert data["secret"] not in listed.out
    as_json = [json.loads(line) for line in topo("webhooks", "list", "--json").lines]
    assert subscription in {s["id"] for s in as_json} and all("secret" not in s for s in as_json)

    updated = topo("webhooks", "update", subscription, "--status", "paused", "--name", "paused hook")
    assert updated.code == 0, updated.err
    assert updated.out.startswith(f"updated webhook subscription {subscription} (paused hook): PAUSED")
    nothing = topo("webhooks", "update", subscription)
    assert nothing.code == 2 and "nothing to change" in nothing.err

    failed = topo("webhooks", "test", subscription)
    assert failed.code == 1 and failed.out == ""
    assert failed.err.startswith(f"topo: error: test delivery to {subscription} failed: ")

    deleted = topo("webhooks", "delete", subscription)
    assert deleted.code == 0 and deleted.out == f"deleted webhook subscription {subscription}\n"
    gone = topo("webhooks", "delete", subscription)
    assert gone.code == 1 and "404" in gone.err and "request_id=req_" in gone.err


@pytest.mark.parametrize(("argv", "fragment"), [
    (("webhooks", "create", "--url", NOBODY), "the following arguments are required: --event-type"),
    (("webhooks", "create", "--event-type", "message.sent"), "the following arguments are required: --url"),
    (("webhooks", "create", "--url", NOBODY, "--event-type", "message.teleported"),
     "argument --event-type: 'message.teleported' is not a known event type"),
    (("webhooks", "test", "not-a-uuid"), "argument SUBSCRIPTION_ID: 'not-a-uuid' is not a UUID"),
    (("webhooks", "update", "018f1a2b-0000-7000-8000-000000000404", "--status", "sleeping"),
     "argument --status: 'sleeping' is not a known status"),
])
def test_bad_arguments_exit_2(topo, argv, fragment) -> None:
    result = topo(*argv)
    assert result.code == 2 and fragment in result.err and result.out == ""
