"""Retries: 429 with Retry-After (seconds, HTTP-date), 503, connection resets, give-up, the POST rule, logging."""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.specdata import UUID_A, MockAPI
from topo_ext import APIConnectionError, InternalServerError, RateLimitError, Topo, TopoError

CONTACT = {"id": UUID_A, "email": "alex@example.com"}
ERROR_503 = {"status_code": 503, "type": "ServiceUnavailable", "message": "try later", "request_id": "req_503"}


def script(*steps: httpx.Response | Exception) -> tuple[Callable[[httpx.Request], httpx.Response], list[int]]:
    """A handler that plays `steps` in order (exceptions are raised), then keeps answering the last one."""
    calls: list[int] = []
    queue: Iterator[httpx.Response | Exception] = iter(steps)
    last: list[httpx.Response | Exception] = [steps[-1]]

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        step = next(queue, last[0])
        if isinstance(step, Exception):
            raise step
        return httpx.Response(step.status_code, headers=step.headers, content=step.content)

    return handler, calls


def rate_limited(retry_after: str) -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": retry_after},
                          json={"status_code": 429, "type": "RateLimitIssue", "message": "slow down"})


def test_429_waits_for_retry_after_seconds(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(rate_limited("3"), httpx.Response(200, json=CONTACT))
    assert client.contacts.get(UUID_A).email == "alex@example.com"
    assert len(calls) == 2 and no_sleep[0] == 3.0  # its own pause; the rate gate may add spacing after it


def test_429_waits_for_retry_after_http_date(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 20, usegmt=True)
    api.override["get_contact"], calls = script(rate_limited(when), httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and 15 < no_sleep[0] <= 21


def test_retry_after_ms_is_preferred(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    limited = httpx.Response(429, headers={"retry-after-ms": "250", "Retry-After": "1"})
    api.override["get_contact"], _ = script(limited, httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert no_sleep[0] == 0.25


def test_503_is_retried_with_capped_jittered_backoff(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(httpx.Response(503, json=ERROR_503),
                                                httpx.Response(503, json=ERROR_503), httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 3
    assert 0 <= no_sleep[0] <= 0.5 and 0 <= no_sleep[1] <= 1.0  # full jitter under base * 2**n


def test_connection_reset_is_retried_for_reads(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(httpx.RemoteProtocolError("peer closed connection"),
                                                httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2


def test_gives_up_after_max_retries_and_says_how_many_attempts(client: Topo, api: MockAPI,
                                                               no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(httpx.Response(503, json=ERROR_503))
    with pytest.raises(InternalServerError) as caught:
        client.contacts.get(UUID_A)
    assert len(calls) == 3  # 1 + the default 2 retries
    assert caught.value.attempts == 3 and "after 3 attempts" in str(caught.value)
    assert caught.value.request_id == "req_503"


def test_connection_errors_give_up_as_api_connection_error(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError, match="after 3 attempts"):
        client.contacts.get(UUID_A)
    assert len(calls) == 3


def test_max_retries_per_call_and_globally(api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(httpx.Response(503, json=ERROR_503))
    client = Topo(api_key=TEST_KEY, base_url="https://t/v1", max_retries=5,
                  http_client=httpx.Client(transport=httpx.MockTransport(api)))
    with pytest.raises(InternalServerError):
        client.with_options(max_retries=0).contacts.get(UUID_A)
    assert len(calls) == 1
    with pytest.raises(InternalServerError):
        client.contacts.get(UUID_A)
    assert len(calls) == 1 + 6


def test_post_is_not_retried_after_the_server_may_have_acted(client: Topo, api: MockAPI,
                                                             no_sleep: list[float]) -> None:
    api.override["create_contact_exclusion"], calls = script(httpx.Response(503, json=ERROR_503))
    with pytest.raises(InternalServerError):
        client.contact_exclusions.create(body={"email": "a@b.co", "reason": "UNSUBSCRIBED"})
    assert len(calls) == 1
    api.override["create_contact_exclusion"], calls = script(httpx.ReadTimeout("slow"))
    with pytest.raises(APIConnectionError):
        client.contact_exclusions.create(body={"email": "a@b.co", "reason": "UNSUBSCRIBED"})
    assert len(calls) == 1


def test_post_is_retried_on_429_and_connect_errors(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    created = {"id": UUID_A, "email": "a@b.co", "linkedin_url": None, "reason": "UNSUBSCRIBED", "message": None,
               "until": None, "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"}
    api.override["create_contact_exclusion"], calls = script(
        rate_limited("1"), httpx.ConnectError("refused"), httpx.Response(201, json=created))
    client.contact_exclusions.create(body={"email": "a@b.co", "reason": "UNSUBSCRIBED"})
    assert len(calls) == 3


def test_a_huge_retry_after_is_not_slept_through(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(rate_limited("3600"))
    with pytest.raises(RateLimitError) as caught:
        client.contacts.get(UUID_A)
    assert len(calls) == 1 and no_sleep == [] and caught.value.retry_after == 3600


def test_each_retry_is_logged_at_debug_with_its_reason(client: Topo, api: MockAPI, no_sleep: list[float],
                                                       caplog: pytest.LogCaptureFixture) -> None:
    api.override["get_contact"], _ = script(rate_limited("1"), httpx.Response(503, json=ERROR_503),
                                            httpx.Response(200, json=CONTACT))
    with caplog.at_level(logging.DEBUG, logger="topo"):
        client.contacts.get(UUID_A)
    messages = [r.getMessage() for r in caplog.records if r.name == "topo" and r.getMessage().startswith("retrying")]
    assert len(messages) == 2  # the request log (topo_ext/_logs.py) adds one line per attempt besides
    assert "429" in messages[0] and "503" in messages[1]
    assert all("attempt" in m and "/contacts/" in m for m in messages)


def test_truncated_json_on_a_read_is_retried(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(httpx.Response(200, content=b'{"id": "018f1a2b'),
                                                httpx.Response(200, json=CONTACT))
    assert client.contacts.get(UUID_A).email == "alex@example.com"
    assert len(calls) == 2


async def test_async_client_retries_the_same_way(async_client: object, api: MockAPI, no_sleep: list[float]) -> None:
    from topo_ext import AsyncTopo

    assert isinstance(async_client, AsyncTopo)
    api.override["get_contact"], calls = script(rate_limited("2"), httpx.RemoteProtocolError("reset"),
                                                httpx.Response(200, json=CONTACT))
    contact = await async_client.contacts.get(UUID_A)
    assert contact.email == "alex@example.com" and len(calls) == 3 and no_sleep[0] == 2.0


def test_truncated_body_on_a_post_create_is_not_retried(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    # The server answered 2xx: it acted. Re-sending the create could duplicate it, so the cut body is final.
    api.override["create_contact_exclusion"], calls = script(httpx.Response(201, content=b'{"id": "018f1a2b'))
    with pytest.raises(TopoError) as caught:
        client.contact_exclusions.create(body={"email": "a@b.co", "reason": "UNSUBSCRIBED"})
    assert len(calls) == 1 and no_sleep == []
    assert caught.value.__cause__ is not None  # the decoder's own error, chained for the traceback


@pytest.mark.parametrize("header", ["RateLimit-Reset", "x-ratelimit-reset"])
def test_ratelimit_reset_as_a_delay(client: Topo, api: MockAPI, no_sleep: list[float], header: str) -> None:
    limited = httpx.Response(429, headers={header: "4"})
    api.override["get_contact"], calls = script(limited, httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and no_sleep[0] == 4.0


@pytest.mark.parametrize("header", ["RateLimit-Reset", "x-ratelimit-reset"])
def test_ratelimit_reset_as_an_epoch(client: Topo, api: MockAPI, no_sleep: list[float], header: str) -> None:
    limited = httpx.Response(429, headers={header: str(int(time.time()) + 30)})
    api.override["get_contact"], calls = script(limited, httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and 25 < no_sleep[0] <= 31


def test_an_epoch_reset_in_the_past_means_no_wait(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    limited = httpx.Response(429, headers={"RateLimit-Reset": str(int(time.time()) - 30)})
    api.override["get_contact"], calls = script(limited, httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and sum(no_sleep) < 1  # not 30 s late, nor a negative sleep


@pytest.mark.parametrize("headers", [{"Retry-After": "0"}, {"retry-after-ms": "0"}, {"RateLimit-Reset": "0"},
                                     {"Retry-After": email.utils.formatdate(time.time() - 60, usegmt=True)}])
def test_a_zero_or_past_hint_retries_at_once(client: Topo, api: MockAPI, no_sleep: list[float],
                                             headers: dict[str, str]) -> None:
    api.override["get_contact"], calls = script(httpx.Response(429, headers=headers),
                                                httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and sum(no_sleep) < 0.5  # not a second's pause, and never a negative one


class Ungated:
    """A gate that never spaces anything: the recorded sleeps are the retry policy's alone."""

    def reserve(self) -> float:
        return 0.0

    def on_success(self) -> None:
        pass

    def on_429(self, retry_after: float | None, sent_at: float) -> None:
        pass


def test_an_unreadable_hint_falls_back_to_the_next_one_or_to_backoff(client: Topo, api: MockAPI,
                                                                     no_sleep: list[float]) -> None:
    client = client.with_options(rate_limit=Ungated())
    odd = httpx.Response(429, headers={"Retry-After": " ", "RateLimit-Reset": "soon", "x-ratelimit-reset": "7"})
    api.override["get_contact"], calls = script(odd, httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and no_sleep[0] == 7.0
    api.override["get_contact"], calls = script(httpx.Response(429, headers={"Retry-After": " "}),
                                                httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and 0 <= no_sleep[1] <= client._options.backoff_base


def test_a_429_without_a_hint_backs_off(client: Topo, api: MockAPI, no_sleep: list[float]) -> None:
    api.override["get_contact"], calls = script(httpx.Response(429), httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and 0 <= no_sleep[0] <= client._options.backoff_base


def test_backoff_doubles_per_attempt_up_to_the_cap(api: MockAPI, no_sleep: list[float],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("random.uniform", lambda low, high: high)  # full jitter's upper bound
    api.override["get_contact"], calls = script(httpx.Response(503, json=ERROR_503))
    with Topo(api_key=TEST_KEY, base_url="https://t/v1", max_retries=6,
              http_client=httpx.Client(transport=httpx.MockTransport(api))) as client, \
            pytest.raises(InternalServerError):
        client.contacts.get(UUID_A)
    base, cap = client._options.backoff_base, client._options.backoff_cap
    assert len(calls) == 7
    assert no_sleep == [min(cap, base * 2 ** n) for n in range(6)]
    assert no_sleep[-1] == cap and no_sleep[0] == base  # the doubling reaches the cap within six attempts


def test_a_retry_after_of_exactly_the_maximum_is_waited_for(client: Topo, api: MockAPI,
                                                            no_sleep: list[float]) -> None:
    longest = client._options.max_retry_after
    api.override["get_contact"], calls = script(rate_limited(f"{longest:g}"), httpx.Response(200, json=CONTACT))
    client.contacts.get(UUID_A)
    assert len(calls) == 2 and no_sleep[0] == longest
