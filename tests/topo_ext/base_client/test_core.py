"""The transport core does no I/O: driven by hand, it says when to pause and what to send, and decides the outcome.

The shells (`SyncRequester`, `AsyncRequester`) only sleep and send; tests/topo_ext/client covers them end to end.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import UUID_A
from topo_ext import APIConnectionError, ClientClosedError, InternalServerError, Topo
from topo_ext._base_client import BaseRequester, Secret, resolve_options
from topo_ext._operations import Operation
from topo_ext._rate import RateGate
from topo_ext._retries import Attempt, RefusedLocally

CONTACT = {"id": UUID_A, "email": "alex@example.com"}


def unreachable(request: httpx.Request) -> httpx.Response:
    raise AssertionError("the core must not send anything")


@pytest.fixture
def http() -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(unreachable))


@pytest.fixture
def core() -> BaseRequester:
    return BaseRequester(Secret(TEST_KEY), resolve_options(BASE_URL, None, 2, None))


def ops() -> tuple[Operation[Any, Any], Operation[Any, Any]]:
    """An idempotent operation (GET a contact) and one that is not (POST a contact exclusion), as the spec says."""
    with Topo(api_key=TEST_KEY, base_url=BASE_URL) as client:
        get, create = client.contacts.get.operation, client.contact_exclusions.create.operation  # type: ignore[attr-defined]
    assert get.spec.idempotent and not create.spec.idempotent
    return get, create


def answer(request: httpx.Request, status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers, request=request)


def drive(steps: Generator[Any, Any, Any], outcome: Callable[[httpx.Request], Attempt], sent: list[httpx.Request],
          pauses: list[float]) -> Any:
    """Play the shell: note each pause and send, answer every send with `outcome`; return what the core returns."""
    step = next(steps)
    try:
        while True:
            if isinstance(step, httpx.Request):
                sent.append(step)
                step = steps.send(outcome(step))
            else:
                pauses.append(step)
                step = next(steps)
    except StopIteration as done:
        return done.value


def test_a_503_then_a_200_for_a_get_is_paused_for_and_resent(core: BaseRequester, http: httpx.Client) -> None:
    get, _ = ops()
    steps = core.attempts(http, get, (UUID_A,), {})
    request = next(steps)
    assert isinstance(request, httpx.Request) and request.method == get.spec.method
    assert request.headers["Authorization"] == f"Bearer {TEST_KEY}"
    pause = steps.send(core.examine(get, answer(request, 503, {}, {"Retry-After": "2"})))
    assert pause == 2.0  # the server's hint, for the shell to sleep
    assert next(steps) is request  # the same request again
    with pytest.raises(StopIteration) as done:
        steps.send(core.examine(get, answer(request, 200, CONTACT)))
    value, response = done.value.value
    assert value.id == UUID_A and response.status_code == 200


def test_a_503_for_a_post_is_final(core: BaseRequester, http: httpx.Client) -> None:
    _, create = ops()
    steps = core.attempts(http, create, (), {"email": "alex@example.com", "reason": "UNSUBSCRIBED"})
    request = next(steps)
    assert isinstance(request, httpx.Request) and request.method == create.spec.method
    with pytest.raises(InternalServerError) as raised:
        steps.send(core.examine(create, answer(request, 503, {"message": "try later"})))
    assert raised.value.attempts == 1


def test_gives_up_after_max_retries(core: BaseRequester, http: httpx.Client) -> None:
    get, _ = ops()
    steps = core.attempts(http, get, (UUID_A,), {})
    sent: list[httpx.Request] = []
    pauses: list[float] = []
    with pytest.raises(APIConnectionError) as raised:
        drive(steps, lambda request: Attempt(error=httpx.ConnectError("refused")), sent, pauses)
    assert len(pauses) == core.options.max_retries and all(0 <= p <= core.options.backoff_cap for p in pauses)
    assert raised.value.attempts == core.options.max_retries + 1 == len(sent)


def test_the_rate_gate_pause_comes_before_the_send(http: httpx.Client) -> None:
    rate = 4.0
    gate = RateGate(rate, clock=lambda: 100.0)  # time stands still: the pause is exactly one interval
    core = BaseRequester(Secret(TEST_KEY), resolve_options(BASE_URL, None, 0, rate), gate)
    get, _ = ops()
    first = core.attempts(http, get, (UUID_A,), {})
    assert isinstance(next(first), httpx.Request)  # the first slot is free
    second = core.attempts(http, get, (UUID_A,), {})
    assert next(second) == pytest.approx(1 / rate)  # the next slot is one interval later
    assert isinstance(next(second), httpx.Request)


def test_what_raised_while_sending_becomes_an_outcome_or_propagates(core: BaseRequester, http: httpx.Client) -> None:
    local = core.failed(httpx.LocalProtocolError("bad header"), http)
    assert isinstance(local.error, RefusedLocally)
    dropped = httpx.ReadError("reset")
    assert core.failed(dropped, http).error is dropped
    bug = RuntimeError("not ours")
    with pytest.raises(RuntimeError) as raised:
        core.failed(bug, http)
    assert raised.value is bug
    http.close()
    with pytest.raises(ClientClosedError):  # the client was closed under the request
        core.failed(RuntimeError("Cannot send a request, as the client has been closed."), http)


@pytest.mark.parametrize("own", [{}, {"cookies": {"session": "s1"}}, {"params": {"tenant": "t1"}}],
                         ids=["plain", "cookies", "params"])
def test_requests_are_built_as_the_http_client_would_build_them(core: BaseRequester, own: dict[str, Any]) -> None:
    # The transport skips httpx's merges when the client has nothing they would add; the request must be the same.
    http = httpx.Client(transport=httpx.MockTransport(unreachable), headers={"X-Team": "growth"},
                        timeout=httpx.Timeout(7.0), **own)
    get, _ = ops()
    ours = core.build(http, get, (UUID_A,), {"extra_headers": {"x-debug": "on"}, "timeout": 3})
    expected = http.build_request("GET", str(ours.url).split("?")[0], params=dict(ours.url.params),
                                  headers={"x-debug": "on", **core.headers()},
                                  timeout=httpx.Timeout(3.0), extensions={"operation_id": get.spec.operation_id})
    assert str(ours.url) == str(expected.url) and ours.method == expected.method
    assert sorted((k.lower(), v) for k, v in ours.headers.multi_items()) == \
        sorted((k.lower(), v) for k, v in expected.headers.multi_items())
    assert ours.extensions == expected.extensions
